package dev.tlsquiz.server.hardening;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.server.ServerTuning;
import dev.tlsquiz.tls.Transport;
import dev.tlsquiz.server.config.GameRules;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ResourceLeakDetector;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
     * PINGs after each ANSWER. Each is answered with a PONG of the same size, so the server has as
     * much to send as the client sends it: the flood cannot end by itself before the kernel's
     * socket buffers between the two (a few MiB on loopback) are full, however well the server
     * packs its records (flush consolidation puts a whole read's replies in one record).
     */
    private static final int PINGS_PER_ANSWER = 20;
    private static final Duration SLOW_CONSUMER_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("tunings")
    void neverReadingClients_whenFlooding_thenClosedAfterTheSlowConsumerTimeout(ServerTuning tuning)
            throws Exception {
        // Over a hundred thousand messages pass through here. PARANOID records a stack trace at every
        // buffer access, which would make this one test take minutes; ADVANCED samples about one
        // buffer in 128 with the same records, and a leak on a per-message path is sampled hundreds
        // of times over. Every other test keeps PARANOID.
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.ADVANCED);
        try {
            runNeverReadingClients(tuning);
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
        Loopback.assertNoLeakAndHeapBounded();
    }

    /** The defaults, and each fast path that changes how and when bytes are written turned off on its own. */
    static Stream<ServerTuning> tunings() {
        ServerTuning defaults = ServerTuning.DEFAULTS;
        return Stream.of(defaults,
                new ServerTuning(Transport.NIO, defaults.flushConsolidation(), defaults.allocator(),
                        defaults.eventLoopThreads(), true),
                new ServerTuning(defaults.transport(), false, defaults.allocator(), defaults.eventLoopThreads(), true));
    }

    private void runNeverReadingClients(ServerTuning tuning) throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = Loopback.config(pki)
                .limits(x -> x.withSlowConsumerTimeout(SLOW_CONSUMER_TIMEOUT).withMaxMessagesPerSecond(10_000_000))
                .game(x -> x.withMaxRounds(GameRules.MAX_ROUNDS_LIMIT))
                .timeouts(x -> x.withIdleTimeout(Duration.ofSeconds(60)))
                .build();
        // The flooders and the honest players stand for different machines: each side has its own event
        // loops, so a flooder that keeps its loop busy encrypting cannot hold back an honest player's
        // HELLO on a loaded machine. What is tested is the server's fairness, not the test client's.
        EventLoopGroup flooders = Loopback.newClientGroup();
        EventLoopGroup players = Loopback.newClientGroup();
        List<Channel> stalled = new ArrayList<>();
        try (ClientTls tls = Loopback.clientTls(pki);
             QuizServer server = QuizServer.builder(config).tuning(tuning).start();
             HonestPlayers honest = HonestPlayers.start(3, 3, players, tls, server.localAddress(), config)) {
            for (int i = 0; i < CLIENTS; i++) {
                stalled.add(neverReading(flooders, tls, server.localAddress()));
            }
            honest.assertAllCompleted(3);
            // Without the slow-consumer timeout, nothing but the 60 s idle timeout would free them:
            // the flood is far from its last round when the buffers fill.
            Loopback.await("the server to drop the clients that do not read", Duration.ofSeconds(30),
                    () -> server.connectedSessions() == 0);
        } finally {
            for (Channel channel : stalled) {
                channel.close().awaitUninterruptibly(5_000);
            }
            Loopback.shutdown(flooders);
            Loopback.shutdown(players);
        }
    }

    /** A TLS client with a small receive buffer that floods the server and never reads a byte of its replies. */
    private static Channel neverReading(EventLoopGroup group, ClientTls tls, InetSocketAddress server) {
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4096)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc(), "localhost", server.getPort()));
                        QuizCodec.install(ch.pipeline(), Side.CLIENT, CodecLimits.DEFAULT);
                        ch.pipeline().addLast(new Flooder());
                    }
                })
                .connect(server).syncUninterruptibly().channel();
    }

    /**
     * Once the handshake is done: stops reading, says HELLO for the most rounds there can be, then
     * writes an ANSWER for each problem in turn (this server numbers them 1, 2, 3, ... within a
     * session, so answers can be written before any problem is read), each followed by PINGs, for
     * as long as the connection takes them.
     */
    private static final class Flooder extends ChannelInboundHandlerAdapter {
        private int nextProblem = 1;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent handshake && handshake.isSuccess()) {
                ctx.channel().config().setAutoRead(false);
                ctx.write(new Hello(Protocol.VERSION, "never-reads", GameRules.MAX_ROUNDS_LIMIT));
                flood(ctx);
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            flood(ctx);
            ctx.fireChannelWritabilityChanged();
        }

        private void flood(ChannelHandlerContext ctx) {
            while (ctx.channel().isWritable() && nextProblem <= GameRules.MAX_ROUNDS_LIMIT) {
                ctx.write(new Answer(nextProblem, "0"));
                for (int i = 0; i < PINGS_PER_ANSWER; i++) {
                    ctx.write(new Ping(nextProblem));
                }
                nextProblem++;
                if (nextProblem % 64 == 0) {
                    ctx.flush();
                }
            }
            ctx.flush();
        }
    }
}
