package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.server.limits.ConnectionLimitHandler;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A connection flood above {@code --max-connections} and {@code --max-connections-per-ip}: the
 * connections over a limit are reset at once, before any TLS work; the flood from one address
 * cannot take the slots of players at another; the refusals are logged a few lines at a time,
 * not one line each; and once the flood is gone, everyone is served again.
 *
 * <p>Loopback has a whole /8: the flood comes from 127.0.0.2 and 127.0.0.3, players from 127.0.0.1.
 */
class ConnectionFloodTest {

    private static final int MAX_CONNECTIONS = 50;
    private static final int MAX_PER_IP = 40;

    @TempDir
    Path dir;

    @Test
    void flood_whenAboveTheConnectionLimits_thenExcessResetAtOnceAndPlayersServed() throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = Loopback.config(pki)
                .limits(x -> x.withMaxConnections(MAX_CONNECTIONS).withMaxConnectionsPerIp(MAX_PER_IP))
                // Admitted flood connections stay for the whole test; only the refused ones may close.
                .timeouts(x -> x.withHandshakeTimeout(Duration.ofSeconds(60)))
                .build();
        Logger limiterLog = (Logger) LoggerFactory.getLogger(ConnectionLimitHandler.class);
        ListAppender<ILoggingEvent> logLines = new ListAppender<>();
        logLines.start();
        limiterLog.addAppender(logLines);
        EventLoopGroup group = Loopback.newClientGroup();
        try (ClientTls tls = Loopback.clientTls(pki);
             QuizServer server = Loopback.start(config)) {
            InetSocketAddress address = server.localAddress();

            // A refused connection may already be reset when its connect completes: it then never counts as connected.
            List<Channel> first = Loopback.settled(Loopback.openRaw(group, address, "127.0.0.2", 200));
            Loopback.await("160 of 200 connections from 127.0.0.2 to be reset", Duration.ofSeconds(20),
                    () -> Loopback.countOpen(first) == MAX_PER_IP);
            assertEquals(MAX_PER_IP, server.connectedSessions());

            // Other addresses still have room: honest players are not locked out by one noisy address.
            try (HonestPlayers honest = HonestPlayers.start(3, 2, group, tls, address, config)) {
                honest.assertAllCompleted(2);
            }

            List<Channel> second = Loopback.settled(Loopback.openRaw(group, address, "127.0.0.3", 100));
            Loopback.await("all but 10 connections from 127.0.0.3 to be reset", Duration.ofSeconds(20),
                    () -> Loopback.countOpen(second) == MAX_CONNECTIONS - MAX_PER_IP);
            assertEquals(MAX_CONNECTIONS, server.connectedSessions());

            // Full: a player is refused promptly (no handshake, no waiting), not left hanging.
            assertRefusedPromptly(address);

            first.forEach(Channel::close);
            second.forEach(Channel::close);
            Loopback.awaitNoConnections(server);
            try (HonestPlayers honest = HonestPlayers.start(3, 2, group, tls, address, config)) {
                honest.assertAllCompleted(2);
            }
        } finally {
            limiterLog.detachAppender(logLines);
            Loopback.shutdown(group);
        }
        // 251 refusals, two reasons: at most one line per reason per 10 s.
        long lines = logLines.list.size();
        assertTrue(lines >= 2 && lines <= 6, "log lines for 251 refusals: " + lines + " " + logLines.list);
        Loopback.assertNoLeakAndHeapBounded();
    }

    private static void assertRefusedPromptly(InetSocketAddress address) throws Exception {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(address, 10_000);
            } catch (SocketException reset) {
                // The reset can beat the end of connect (the server resets as it accepts, with epoll
                // before this side has even seen the handshake complete): refused, promptly.
                assertTrue(String.valueOf(reset.getMessage()).contains("reset"), reset.toString());
                return;
            }
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            try {
                assertEquals(-1, in.read(), "a refused connection gets no bytes");
            } catch (SocketException reset) {
                // Reset: the expected way to be refused.
            }
        }
    }
}
