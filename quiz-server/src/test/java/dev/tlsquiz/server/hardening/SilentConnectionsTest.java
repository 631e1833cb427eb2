package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of connections that open and send nothing (the slowloris pattern, and port scanners)
 * hold no player up, and the TLS handshake timeout closes every one of them.
 */
@ExtendWith(QuietSessionLogs.class)
class SilentConnectionsTest {

    private static final int SILENT = 300;
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void silentConnections_whenHundredsOpen_thenHonestPlayersFinishAndTheTimeoutClosesThemAll() throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = Loopback.config(pki).timeouts(x -> x.withHandshakeTimeout(HANDSHAKE_TIMEOUT)).build();
        EventLoopGroup group = Loopback.newClientGroup();
        try (ClientTls tls = Loopback.clientTls(pki);
             QuizServer server = Loopback.start(config)) {
            List<Channel> silent = Loopback.connected(Loopback.openRaw(group, server.localAddress(), null, SILENT));
            assertEquals(SILENT, silent.size(), "silent connections that connected");
            long opened = System.nanoTime();

            try (HonestPlayers honest = HonestPlayers.start(3, 2, group, tls, server.localAddress(), config)) {
                honest.assertAllCompleted(2);
            }

            Loopback.await("the handshake timeout to close all " + SILENT + " silent connections",
                    HANDSHAKE_TIMEOUT.plusSeconds(20), () -> Loopback.countOpen(silent) == 0);
            Duration took = Duration.ofNanos(System.nanoTime() - opened);
            assertTrue(took.compareTo(HANDSHAKE_TIMEOUT.minusMillis(500)) >= 0,
                    "closed after " + took.toMillis() + " ms: before the handshake timeout?");
            Loopback.awaitNoConnections(server);
        } finally {
            Loopback.shutdown(group);
        }
        Loopback.assertNoLeakAndHeapBounded();
    }
}
