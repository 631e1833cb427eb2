package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.TlsProvider;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.OpenSsl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * The rule that makes a certificate's name impossible to impersonate, through real TLS on both providers:
 * a verified name is a client certificate's CN; a certificate without a usable CN is refused at HELLO; under
 * {@code --client-auth optional} a player without a certificate plays as {@code ~NAME}, which no certificate
 * name can equal; session log lines say {@code verified=true|false}.
 */
class VerifiedNamesTest {

    private static final Logger SESSION_LOG = (Logger) LoggerFactory.getLogger(QuizSession.class);

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static EventLoopGroup clientGroup;

    private final SessionLog logLines = new SessionLog();
    private Level sessionLogLevel;

    @BeforeAll
    static void setUp() {
        assertTrue(OpenSsl.isAvailable(), () -> "netty-tcnative must load for these tests: "
                + OpenSsl.unavailabilityCause());
        pki = TestPki.create(dir);
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void tearDown() {
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void captureSessionLog() {
        logLines.start();
        SESSION_LOG.addAppender(logLines);
        // Whatever another test class left it at: these tests read the INFO lines.
        sessionLogLevel = SESSION_LOG.getLevel();
        SESSION_LOG.setLevel(Level.INFO);
    }

    @AfterEach
    void releaseSessionLog() {
        SESSION_LOG.detachAppender(logLines);
        SESSION_LOG.setLevel(sessionLogLevel);
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void optional_whenNoCertificate_thenTheHelloNameCarriesTheUnverifiedMarker(TlsProvider provider) throws Exception {
        assertEquals("~bob", welcomeName(ClientAuthMode.OPTIONAL, provider, null, "bob"));
        awaitLogLine("player=~bob verified=false");
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void optional_whenTheHolderOfBobsCertificatePlays_thenTheNameIsBobUnmarked(TlsProvider provider) throws Exception {
        assertEquals("bob", welcomeName(ClientAuthMode.OPTIONAL, provider, pki.clientCert("bob"), "mallory"));
        awaitLogLine("player=bob verified=true");
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void optional_whenAnUnverifiedPlayerAsksForAMarkedName_thenItIsMarkedAgain(TlsProvider provider) throws Exception {
        assertEquals("~~bob", welcomeName(ClientAuthMode.OPTIONAL, provider, null, "~bob"));
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenTheCertificateHasNoCommonName_thenRefusedSayingHowToGetOne(TlsProvider provider)
            throws Exception {
        ErrorMessage error = refusedAtHello(ClientAuthMode.REQUIRE, provider,
                pki.clientWithSubject("O=tlsquiz players"));
        assertTrue(error.message().contains("no usable common name"), error::message);
        assertTrue(error.message().contains("quiz-server certs client NAME"), error::message);
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void optional_whenTheCertificateHasNoCommonName_thenRefusedRatherThanNamedFromHello(TlsProvider provider)
            throws Exception {
        ErrorMessage error = refusedAtHello(ClientAuthMode.OPTIONAL, provider,
                pki.clientWithSubject("O=tlsquiz players"));
        assertTrue(error.message().contains("no usable common name"), error::message);
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenTheCommonNameStartsWithTheMarker_thenRefused(TlsProvider provider) throws Exception {
        ErrorMessage error = refusedAtHello(ClientAuthMode.REQUIRE, provider, pki.clientCert("~bob"));
        assertTrue(error.message().contains("'~'"), error::message);
        assertTrue(error.message().contains("quiz-server certs client NAME"), error::message);
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenTheCommonNameIsNotAPlayerName_thenRefused(TlsProvider provider) throws Exception {
        ErrorMessage error = refusedAtHello(ClientAuthMode.REQUIRE, provider, pki.clientCert(" bob"));
        assertTrue(error.message().contains("no usable common name"), error::message);
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenTheCertificateIsUsable_thenItsNameIsVerified(TlsProvider provider) throws Exception {
        assertEquals(TestPki.CLIENT_NAME, welcomeName(ClientAuthMode.REQUIRE, provider, pki.client(), "mallory"));
        awaitLogLine("player=" + TestPki.CLIENT_NAME + " verified=true");
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void none_whenAPlayerSaysHello_thenTheNameIsAsSentAndUnverified(TlsProvider provider) throws Exception {
        assertEquals("bob", welcomeName(ClientAuthMode.NONE, provider, null, "bob"));
        awaitLogLine("player=bob verified=false");
    }

    /** The name WELCOME gives a player with {@code certificate} (or none) who says HELLO {@code helloName}. */
    private static String welcomeName(ClientAuthMode mode, TlsProvider provider, TestPki.Credentials certificate,
                                      String helloName) throws Exception {
        try (QuizServer server = start(mode, provider);
             ClientTls tls = client(provider, certificate);
             QuizTestClient client = connect(server, tls)) {
            return client.hello(helloName).playerName();
        }
    }

    /** The ERROR a player with {@code certificate} gets for HELLO "bob"; the server then closes. */
    private static ErrorMessage refusedAtHello(ClientAuthMode mode, TlsProvider provider,
                                               TestPki.Credentials certificate) throws Exception {
        try (QuizServer server = start(mode, provider);
             ClientTls tls = client(provider, certificate);
             QuizTestClient client = connect(server, tls)) {
            client.send(Hello.of("bob"));
            return client.expectErrorAndClose(ErrorCode.INVALID_FIELD);
        }
    }

    private static QuizServer start(ClientAuthMode mode, TlsProvider provider) throws ServerStartException {
        ServerConfig.Builder config = TestServers.config()
                .listening(x -> x.withBindAddress("127.0.0.1"))
                .tls(x -> x.withCertsDir(dir).withCertificate(pki.serverCert(), pki.serverKey())
                .withParameters(x.parameters().withProvider(provider)));
        if (mode != ClientAuthMode.NONE) {
            config.tls(x -> x.withClientAuth(mode, pki.caCert()));
        }
        return QuizServer.builder(config.build()).start();
    }

    private static ClientTls client(TlsProvider provider, TestPki.Credentials certificate) throws Exception {
        return ClientTls.create(new ClientTlsConfig(new ClientTrust.CaFile(pki.caCert()),
                certificate == null ? null : certificate.cert(), certificate == null ? null : certificate.key(),
                provider, TlsProfile.MODERN, Protocol.ALPN_ID));
    }

    private static QuizTestClient connect(QuizServer server, ClientTls tls) throws InterruptedException {
        return QuizTestClient.connect(clientGroup, tls, server.localAddress());
    }

    /** Waits for a session log line containing {@code text}: the server logs it when it sees the close. */
    private void awaitLogLine(String text) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + QuizTestClient.TIMEOUT.toNanos();
        while (true) {
            String line = logLines.lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no session log line with '" + text + "' within " + QuizTestClient.TIMEOUT
                        + "; lines: " + seen);
            }
            if (line.contains(text)) {
                return;
            }
            seen.add(line);
        }
    }

    /** The session logger's lines, as they are written, for a test to wait on. */
    private static final class SessionLog extends AppenderBase<ILoggingEvent> {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage());
        }
    }
}
