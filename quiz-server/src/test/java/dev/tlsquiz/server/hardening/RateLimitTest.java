package dev.tlsquiz.server.hardening;

import dev.tlsquiz.server.QuizTestClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.server.limits.MessageRateLimiter;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-messages-per-second}: clients that flood the server with messages get ERROR
 * RATE_LIMITED and are closed after at most a burst of twice the rate, while honest players, who
 * send one message per answer, never come near the limit.
 */
@ExtendWith(QuietSessionLogs.class)
class RateLimitTest {

    private static final int RATE = 20;
    private static final int FLOODERS = 20;

    @TempDir
    Path dir;

    @Test
    void messageFlood_whenOverTheRate_thenRateLimitedErrorAndCloseWhileHonestPlayersFinish() throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = Loopback.config(pki).limits(x -> x.withMaxMessagesPerSecond(RATE)).build();
        EventLoopGroup group = Loopback.newClientGroup();
        try (ClientTls tls = Loopback.clientTls(pki);
             QuizServer server = Loopback.start(config);
             HonestPlayers honest = HonestPlayers.start(3, 3, group, tls, server.localAddress(), config)) {
            for (int i = 0; i < FLOODERS; i++) {
                try (QuizTestClient flooder = QuizTestClient.connect(group, tls, server.localAddress())) {
                    flooder.sendRaw(pings(10 * RATE));
                    int pongs = 0;
                    QuizMessage reply;
                    while ((reply = flooder.next()) instanceof Pong) {
                        pongs++;
                    }
                    ErrorMessage error = (ErrorMessage) reply;
                    assertEquals(ErrorCode.RATE_LIMITED.code(), error.code(), error.toString());
                    // The burst, plus what flows back in while the flood is being read (well under a second).
                    assertTrue(pongs <= RATE * (MessageRateLimiter.BURST_FACTOR + 1), "PONGs before the limit: " + pongs);
                    flooder.assertClosedByServer();
                }
            }
            honest.assertAllCompleted(3);
            Loopback.awaitNoConnections(server);
        } finally {
            Loopback.shutdown(group);
        }
        Loopback.assertNoLeakAndHeapBounded();
    }

    /** {@code count} PING frames back to back. */
    static byte[] pings(int count) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream(count * 13);
        for (int i = 0; i < count; i++) {
            // length 9 (type + u64 token), type 0x08 PING, token i
            frames.writeBytes(new byte[] {0, 0, 0, 9, 0x08, 0, 0, 0, 0, (byte) (i >>> 24), (byte) (i >>> 16),
                    (byte) (i >>> 8), (byte) i});
        }
        return frames.toByteArray();
    }
}
