package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many players at once: every session completes and every verdict is right. */
class ConcurrentSessionsTest {

    private static final int CLIENTS = 200;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void server_whenManyClientsPlayAtOnce_thenEverySessionCompletesWithEveryAnswerCorrect() throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = TestServers.config().game(x -> x.withRounds(ROUNDS).withTimeLimit(Duration.ofSeconds(60)))
                .timeouts(x -> x.withIdleTimeout(Duration.ofSeconds(90))).build();
        List<String> answers = new ArrayList<>();
        ProblemSource questions = TestServers.expectedQuestions(config);
        for (int i = 0; i < ROUNDS; i++) {
            answers.add(questions.next().acceptedAnswers());
        }
        EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try (TestServers.Running running = TestServers.Running.start(config, pki);
             ClientTls clientTls = TestServers.clientTls(pki)) {
            InetSocketAddress address = running.server().localAddress();
            List<CompletableFuture<Summary>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                results.add(play(clientGroup, clientTls, address, "player-" + i, answers));
            }
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                for (CompletableFuture<Summary> result : results) {
                    Summary summary = result.get(90, TimeUnit.SECONDS);
                    assertEquals(ROUNDS, summary.correct());
                    assertEquals(ROUNDS, summary.total());
                }
            });
        } finally {
            clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Plays a session without blocking: answers each PROBLEM with the expected answer, checks each verdict. */
    private static CompletableFuture<Summary> play(EventLoopGroup group, ClientTls tls, InetSocketAddress address,
                                                   String name, List<String> answers) {
        CompletableFuture<Summary> result = new CompletableFuture<>();
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc(), "localhost", address.getPort()));
                        QuizCodec.install(ch.pipeline(), Side.CLIENT, CodecLimits.DEFAULT);
                        ch.pipeline().addLast(new AutoPlayer(name, answers, result));
                    }
                })
                .connect(address)
                .addListener(connected -> {
                    if (!connected.isSuccess()) {
                        result.completeExceptionally(connected.cause());
                    }
                });
        return result;
    }

    /** A client state machine that plays right and completes its future with the SUMMARY. */
    private static final class AutoPlayer extends SimpleChannelInboundHandler<QuizMessage> {
        private final String name;
        private final List<String> answers;
        private final CompletableFuture<Summary> result;
        private int round;

        AutoPlayer(String name, List<String> answers, CompletableFuture<Summary> result) {
            this.name = name;
            this.answers = answers;
            this.result = result;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent handshake) {
                if (handshake.isSuccess()) {
                    ctx.writeAndFlush(new Hello(dev.tlsquiz.codec.Protocol.VERSION, name, 0));
                } else {
                    result.completeExceptionally(handshake.cause());
                }
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage msg) {
            if (msg instanceof Welcome welcome) {
                // Set before the next frame is decoded, which must be read in the session's version.
                dev.tlsquiz.codec.NegotiatedVersion.set(ctx.channel(), welcome.version());
                return;
            }
            if (msg instanceof Problem problem) {
                ctx.writeAndFlush(new Answer(problem.problemId(), answers.get(round++)));
            } else if (msg instanceof Verdict verdict && verdict.outcome() == Outcome.CORRECT) {
                return;
            } else if (msg instanceof Summary summary) {
                result.complete(summary);
            } else {
                result.completeExceptionally(new AssertionError(name + ": unexpected " + msg));
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.completeExceptionally(new AssertionError(name + ": closed before the SUMMARY"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.completeExceptionally(cause);
            ctx.close();
        }
    }
}
