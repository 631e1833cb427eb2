package dev.tlsquiz.server.hardening;

import dev.tlsquiz.server.QuizTestClient;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ResourceLeakDetector;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backpressure: clients that send answers and never read cannot make the server buffer without bound.
 * The server stops reading from such a client once its unsent bytes pass the write-buffer
 * high-water mark, and closes it when it stays that way for {@code --slow-consumer-timeout} (far
 * sooner than the idle timeout would), while honest players finish their sessions.
 */
@ExtendWith(QuietSessionLogs.class)
class SlowConsumerTest {

    private static final int CLIENTS = 2;
    /**
     * ANSWERs each client sends, pipelined: each makes the server write a VERDICT and the next
     * PROBLEM, about 90 bytes with TLS, so far more than the socket buffers between the two hold.
     */
    private static final int ANSWERS = 60_000;
    private static final Duration SLOW_CONSUMER_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void neverReadingClients_whenSendingAnswers_thenClosedAfterTheSlowConsumerTimeout() throws Exception {
        // Over a hundred thousand messages pass through here. PARANOID records a stack trace at every
        // buffer access, which would make this one test take minutes; ADVANCED samples about one
        // buffer in 128 with the same records, and a leak on a per-message path is sampled hundreds
        // of times over. Every other test keeps PARANOID.
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.ADVANCED);
        try {
            runNeverReadingClients();
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
        Loopback.assertNoLeakAndHeapBounded();
    }

    private void runNeverReadingClients() throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = Loopback.config(pki)
                .slowConsumerTimeout(SLOW_CONSUMER_TIMEOUT)
                .maxMessagesPerSecond(10_000_000)
                .maxRounds(ServerConfig.MAX_ROUNDS_LIMIT)
                .idleTimeout(Duration.ofSeconds(60))
                .build();
        EventLoopGroup group = Loopback.newClientGroup();
        List<Channel> stalled = new ArrayList<>();
        try (ClientTls tls = Loopback.clientTls(pki);
             QuizServer server = Loopback.start(config);
             HonestPlayers honest = HonestPlayers.start(3, 3, group, tls, server.localAddress(), config)) {
            byte[] session = helloAndAnswers(ANSWERS);
            for (int i = 0; i < CLIENTS; i++) {
                Channel channel = neverReading(group, tls, server.localAddress());
                stalled.add(channel);
                // In chunks, so that the client's own buffer is not one huge allocation.
                for (int offset = 0; offset < session.length; offset += 64 * 1024) {
                    channel.writeAndFlush(Unpooled.wrappedBuffer(session, offset,
                            Math.min(64 * 1024, session.length - offset)));
                }
            }
            honest.assertAllCompleted(3);
            // Without the slow-consumer timeout, nothing but the 60 s idle timeout would free them.
            Loopback.await("the server to drop the clients that do not read", Duration.ofSeconds(30),
                    () -> server.connectedSessions() == 0);
        } finally {
            for (Channel channel : stalled) {
                channel.close().awaitUninterruptibly(5_000);
            }
            Loopback.shutdown(group);
        }
    }

    /**
     * HELLO asking for the most rounds there can be, then an ANSWER for each of the first
     * {@code answers} problems in turn. This server numbers its problems 1, 2, 3, ... within a session, so the answers can be
     * written before any problem has been read: each one is for the problem open when it arrives.
     */
    private static byte[] helloAndAnswers(int answers) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        // More rounds than answers: the session never ends by itself, only a timeout can end it.
        frames.writeBytes(frame(new Hello(Protocol.VERSION, "never-reads", ServerConfig.MAX_ROUNDS_LIMIT)));
        for (int problemId = 1; problemId <= answers; problemId++) {
            frames.writeBytes(frame(new Answer(problemId, "0")));
        }
        return frames.toByteArray();
    }

    private static byte[] frame(QuizMessage message) {
        ByteBuf frame = QuizCodec.encode(UnpooledByteBufAllocator.DEFAULT, message);
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }

    /** A TLS client with a small receive buffer that stops reading once the handshake is done. */
    private static Channel neverReading(EventLoopGroup group, ClientTls tls, InetSocketAddress server) {
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4096)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc(), "localhost", server.getPort()));
                        QuizCodec.install(ch.pipeline(), Side.CLIENT, CodecLimits.DEFAULT);
                    }
                })
                .connect(server).syncUninterruptibly().channel();
        var handshake = channel.pipeline().get(SslHandler.class).handshakeFuture();
        assertTrue(handshake.awaitUninterruptibly(QuizTestClient.TIMEOUT.toMillis()) && handshake.isSuccess(),
                "TLS handshake: " + handshake.cause());
        channel.config().setAutoRead(false);
        return channel;
    }
}
