package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A flood of connections that fail the TLS handshake (plain HTTP with a few KB behind it, what a
 * scanner or a misdirected client sends) must not flood the log: failed handshakes are logged like
 * the other refusals, at most one line per kind per 10 s with a count of those left out, and never
 * with the peer's bytes in hex.
 */
class HandshakeFailureFloodTest {

    private static final int CONNECTIONS = 300;
    private static final Pattern HEX_DUMP = Pattern.compile("[0-9a-fA-F]{32,}");

    @TempDir
    Path dir;

    @Test
    void flood_whenManyClientsAreNotTls_thenFewLogLinesWithoutTheirBytes() throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = Loopback.config(pki).build();
        Logger serverLog = (Logger) LoggerFactory.getLogger("dev.tlsquiz.server");
        // INFO whatever an earlier test of this JVM set (the session fuzzer quiets dev.tlsquiz for good).
        Level previousLevel = serverLog.getLevel();
        serverLog.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> logLines = new ListAppender<>();
        logLines.start();
        serverLog.addAppender(logLines);
        byte[] request = new byte[4096];
        Arrays.fill(request, (byte) 'A');
        byte[] http = "GET / HTTP/1.1\r\nHost: quiz\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(http, 0, request, 0, http.length);
        EventLoopGroup group = Loopback.newClientGroup();
        try (ClientTls tls = Loopback.clientTls(pki);
             QuizServer server = Loopback.start(config)) {
            InetSocketAddress address = server.localAddress();
            List<Channel> flood = Loopback.connected(Loopback.openRaw(group, address, null, CONNECTIONS));
            flood.forEach(channel -> channel.writeAndFlush(Unpooled.wrappedBuffer(request)));
            Loopback.await("the server to close all " + CONNECTIONS + " non-TLS connections", Duration.ofSeconds(30),
                    () -> Loopback.countOpen(flood) == 0);

            // Honest players are still served, and the server is not spending itself on its log.
            try (HonestPlayers honest = HonestPlayers.start(2, 2, group, tls, address, config)) {
                honest.assertAllCompleted(2);
            }
        } finally {
            serverLog.detachAppender(logLines);
            serverLog.setLevel(previousLevel);
            Loopback.shutdown(group);
        }
        List<String> handshakeLines;
        synchronized (logLines.list) {
            handshakeLines = logLines.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.contains("handshake")).toList();
        }
        assertFalse(handshakeLines.isEmpty(), "the failed handshakes are not logged at all");
        // One kind (not TLS); the test takes well under 30 s, so at most a few intervals of 10 s.
        assertTrue(handshakeLines.size() <= 4, handshakeLines.size() + " lines for " + CONNECTIONS
                + " failed handshakes: " + handshakeLines.subList(0, Math.min(5, handshakeLines.size())));
        assertTrue(handshakeLines.get(0).contains("not TLS"), handshakeLines.get(0));
        for (String line : handshakeLines) {
            assertFalse(HEX_DUMP.matcher(line).find(), "peer bytes in the log: " + line);
        }
        Loopback.assertNoLeakAndHeapBounded();
    }
}
