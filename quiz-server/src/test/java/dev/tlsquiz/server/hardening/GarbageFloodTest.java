package dev.tlsquiz.server.hardening;

import dev.tlsquiz.server.QuizTestClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of clients that complete the TLS handshake and then send garbage or frames far above
 * the size limit: each gets one decoding ERROR and is closed, the oversize ones before the server
 * buffers their body, while honest players finish their sessions.
 */
@ExtendWith(QuietSessionLogs.class)
class GarbageFloodTest {

    private static final int ABUSERS = 200;

    @TempDir
    Path dir;

    @Test
    void garbageAndOversizeFrames_whenHundredsOfClientsSendThem_thenEachGetsAnErrorAndHonestPlayersFinish()
            throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = Loopback.config(pki).build();
        EventLoopGroup group = Loopback.newClientGroup();
        Random random = new Random(2026);
        try (ClientTls tls = Loopback.clientTls(pki);
             QuizServer server = Loopback.start(config);
             HonestPlayers honest = HonestPlayers.start(3, 3, group, tls, server.localAddress(), config)) {
            int oversize = 0;
            for (int i = 0; i < ABUSERS; i++) {
                try (QuizTestClient abuser = QuizTestClient.connect(group, tls, server.localAddress())) {
                    boolean big = i % 2 == 0;
                    abuser.sendRaw(big ? Garbage.oversize(random) : Garbage.frame(random, i));
                    ErrorMessage error = abuser.next(ErrorMessage.class);
                    if (big) {
                        assertEquals(ErrorCode.FRAME_TOO_LARGE.code(), error.code(), error.toString());
                        oversize++;
                    } else {
                        assertTrue(error.code() >= 1 && error.code() <= 15, "a decoding error: " + error);
                    }
                    abuser.assertClosedByServer();
                }
            }
            assertEquals(ABUSERS / 2, oversize);
            honest.assertAllCompleted(3);
            Loopback.awaitNoConnections(server);
        } finally {
            Loopback.shutdown(group);
        }
        Loopback.assertNoLeakAndHeapBounded();
    }
}
