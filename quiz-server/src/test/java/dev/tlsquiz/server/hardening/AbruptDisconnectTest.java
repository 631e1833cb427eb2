package dev.tlsquiz.server.hardening;

import dev.tlsquiz.server.QuizTestClient;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.Bye;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that vanish (TCP reset, no goodbye) at every stage of a session, over and over: the
 * server lets go of each connection, its timers and its buffers, and honest players notice nothing.
 */
@ExtendWith(QuietSessionLogs.class)
class AbruptDisconnectTest {

    private static final int ROUNDS_PER_STAGE = 15;

    @TempDir
    Path dir;

    /** Where in a session the client disappears. */
    private enum Stage {
        AFTER_CONNECT, MID_CLIENT_HELLO, AFTER_HANDSHAKE, AFTER_WELCOME, MID_FRAME, AFTER_ANSWER, AFTER_BYE
    }

    @Test
    void reset_whenAtEveryStageOfASession_thenTheServerLetsGoAndHonestPlayersFinish() throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = Loopback.config(pki).build();
        EventLoopGroup group = Loopback.newClientGroup();
        try (ClientTls tls = Loopback.clientTls(pki);
             QuizServer server = Loopback.start(config);
             HonestPlayers honest = HonestPlayers.start(3, 3, group, tls, server.localAddress(), config)) {
            byte[] clientHello = clientHello(tls, server.localAddress().getPort());
            for (int i = 0; i < ROUNDS_PER_STAGE; i++) {
                for (Stage stage : Stage.values()) {
                    vanish(stage, group, tls, server, clientHello);
                }
            }
            honest.assertAllCompleted(3);
            Loopback.awaitNoConnections(server);
        } finally {
            Loopback.shutdown(group);
        }
        Loopback.assertNoLeakAndHeapBounded();
    }

    private static void vanish(Stage stage, EventLoopGroup group, ClientTls tls, QuizServer server, byte[] clientHello)
            throws Exception {
        switch (stage) {
            case AFTER_CONNECT -> resetRaw(server, new byte[0]);
            case MID_CLIENT_HELLO -> resetRaw(server, Arrays.copyOf(clientHello, clientHello.length / 2));
            default -> {
                QuizTestClient player = QuizTestClient.connect(group, tls, server.localAddress());
                if (stage != Stage.AFTER_HANDSHAKE) {
                    player.hello("vanishing");
                    Problem problem = player.next(Problem.class);
                    Answer answer = new Answer(problem.problemId(), "0");
                    switch (stage) {
                        case MID_FRAME -> {
                            byte[] frame = frame(answer);
                            player.sendRaw(Arrays.copyOf(frame, frame.length - 1));
                        }
                        case AFTER_ANSWER -> player.send(answer);
                        case AFTER_BYE -> player.send(new Bye());
                        default -> {
                        }
                    }
                }
                if (player.channel().isActive()) {
                    // The server may have closed first (after BYE it sends SUMMARY and closes).
                    try {
                        player.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                    } catch (ChannelException closedMeanwhile) {
                        // Then there is nothing left to reset.
                    }
                }
                player.close();
            }
        }
    }

    /** Connects, writes {@code bytes} and resets the connection. */
    private static void resetRaw(QuizServer server, byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server.localAddress(), 10_000);
            socket.getOutputStream().write(bytes);
            socket.setSoLinger(true, 0);
        }
    }

    private static byte[] frame(Answer answer) {
        ByteBuf frame = QuizCodec.encode(UnpooledByteBufAllocator.DEFAULT, answer);
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }

    private static byte[] clientHello(ClientTls tls, int port) {
        EmbeddedChannel client = new EmbeddedChannel(tls.newHandler(UnpooledByteBufAllocator.DEFAULT, "localhost", port));
        try {
            ByteArrayOutputStream hello = new ByteArrayOutputStream();
            for (ByteBuf out; (out = client.readOutbound()) != null; ) {
                hello.writeBytes(ByteBufUtil.getBytes(out));
                out.release();
            }
            return hello.toByteArray();
        } finally {
            client.finishAndReleaseAll();
        }
    }
}
