package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.HostileText;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Log injection: what a client sends (its name, the text of an ERROR) reaches the server's log as one
 * line per event, with every control character escaped and every value that holds a space or '=' quoted,
 * in the format the server's own logback.xml writes.
 */
class SessionLogTest {

    /** Ends the line, forges a "session ended" line with a score the player never made, then an operator note. */
    private static final String FORGED_ERROR = "bye" + "\n"
            + "12:00:00.000 INFO  QuizSession: session ended: 10.0.0.1:4242 player=ada score=2000" + "\r\n"
            + "\u001b[2K\u001b[1A\u001b[31mOPERATOR: restart with --client-auth none\u001b[0m";
    private static final String NAME = "ada score=2000";

    @TempDir
    static Path dir;

    private static EventLoopGroup clientGroup;
    private static ClientTls clientTls;
    private static TestServers.Running server;
    private static Encoder<ILoggingEvent> productionFormat;
    private static LoggerContext productionContext;

    private final Logger sessions = (Logger) LoggerFactory.getLogger(QuizSession.class);
    private final BlockingQueue<ILoggingEvent> events = new LinkedBlockingQueue<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }
    };
    private Level previousLevel;

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = TestPki.create(dir);
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        clientTls = TestServers.clientTls(pki);
        server = TestServers.Running.start(TestServers.config().build(), pki);
        productionFormat = productionEncoder();
    }

    @AfterAll
    static void stop() {
        server.close();
        clientTls.close();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        productionContext.stop();
    }

    @BeforeEach
    void attach() {
        previousLevel = sessions.getLevel();
        sessions.setLevel(Level.INFO);
        capture.start();
        sessions.addAppender(capture);
    }

    @AfterEach
    void detach() {
        sessions.detachAppender(capture);
        capture.stop();
        sessions.setLevel(previousLevel);
    }

    @Test
    void sessionEnded_whenClientSendsAForgingErrorAndANameWithSpaceAndEquals_thenOneLineWithBothEscapedAndQuoted()
            throws Exception {
        try (QuizTestClient client = connect()) {
            client.hello(NAME);
            client.next(Problem.class);
            client.send(new ErrorMessage(ErrorCode.INTERNAL_ERROR, FORGED_ERROR));

            ILoggingEvent event = awaitEvent("session ended: ");
            String message = event.getFormattedMessage();
            assertTrue(message.contains(" player=\"ada score=2000\" "), message);
            // What a key=value parser sees outside quoted values: one player, and the real score only.
            String keys = message.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
            assertEquals(1, keys.split("player=", -1).length - 1, keys);
            assertEquals(1, keys.split("score=", -1).length - 1, keys);
            assertTrue(keys.contains(" score=0 "), keys);
            assertTrue(message.contains("bye\\x0a12:00:00.000 INFO  QuizSession: session ended: 10.0.0.1:4242"
                    + " player=ada score=2000\\x0d\\x0a\\x1b[2K\\x1b[1A\\x1b[31mOPERATOR:"), message);
            assertOneLogLine(event);
        }
    }

    @Test
    void rejected_whenClientSendsAForgingErrorBeforeHello_thenOneLineWithItEscaped() throws Exception {
        try (QuizTestClient client = connect()) {
            client.send(new ErrorMessage(ErrorCode.INTERNAL_ERROR, FORGED_ERROR));

            ILoggingEvent event = awaitEvent("rejected ");
            assertTrue(event.getFormattedMessage().contains("bye\\x0a12:00:00.000 INFO"), event.getFormattedMessage());
            assertOneLogLine(event);
        }
    }

    @Test
    void productionFormat_whenAStatementForgotToEscape_thenTheMessageStaysOneLineAnyway() {
        // Defence in depth: a statement that passed a client's words without LogText.
        LoggingEvent event = new LoggingEvent(Logger.FQCN, sessions, Level.INFO, "rejected {}: {}", null,
                new Object[] {"127.0.0.1:4242", FORGED_ERROR});

        String line = new String(productionFormat.encode(event), StandardCharsets.UTF_8);

        assertEquals(line.length() - 1, line.indexOf('\n'), "one line, ending with its only line feed: " + line);
        HostileText.assertNothingForTheTerminal(line);
        assertTrue(line.contains("rejected 127.0.0.1:4242: bye\\x0a12:00:00.000 INFO"), line);
    }

    private static QuizTestClient connect() throws Exception {
        return QuizTestClient.connect(clientGroup, clientTls, server.server().localAddress());
    }

    /** The next event whose message starts with {@code prefix}; fails after the test client's timeout. */
    private ILoggingEvent awaitEvent(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + QuizTestClient.TIMEOUT.toNanos();
        while (true) {
            ILoggingEvent event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(event, "no log event starting with '" + prefix + "' within " + QuizTestClient.TIMEOUT);
            if (event.getFormattedMessage().startsWith(prefix)) {
                return event;
            }
        }
    }

    /**
     * The event's message holds no control character of its own (the log statement escaped it), and as the
     * server's logback.xml writes it, it is exactly one line.
     */
    private static void assertOneLogLine(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        HostileText.assertNothingForTheTerminal(message);
        assertFalse(message.contains("\n"), message);
        String line = new String(productionFormat.encode(event), StandardCharsets.UTF_8);
        assertEquals(line.length() - 1, line.indexOf('\n'), "one line, ending with its only line feed: " + line);
        HostileText.assertNothingForTheTerminal(line);
    }

    /** The encoder of the server's own logback.xml, loaded into a context of its own. */
    @SuppressWarnings("unchecked")
    private static Encoder<ILoggingEvent> productionEncoder() throws Exception {
        productionContext = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(productionContext);
        configurator.doConfigure(QuizServer.class.getResource("/logback.xml"));
        OutputStreamAppender<ILoggingEvent> stderr = (OutputStreamAppender<ILoggingEvent>)
                productionContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        return stderr.getEncoder();
    }
}
