package dev.tlsquiz.client.testing;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.Bye;
import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.NegotiatedVersion;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.QuizWire;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A misbehaving server for the client's failure paths: real TLS with the test PKI's server
 * certificate, then bytes that are no tlsquiz frame, a session cut off after the first problem, a
 * frame trickled a byte at a time, PINGs instead of a verdict, a flood of problems, a version 2
 * session asking given questions ({@link #asking}), or whatever a test's own session handler sends
 * ({@link #speaking}).
 */
public final class RawTlsServer implements AutoCloseable {

    /** What the server does after the TLS handshake. */
    public enum Behavior {
        /** Sends a frame of an unknown message type. */
        GARBAGE,
        /** Answers HELLO with WELCOME and one PROBLEM, then closes without a SUMMARY. */
        CLOSE_AFTER_FIRST_PROBLEM,
        /** Answers HELLO with the header of a 16,000-byte frame, then one byte of it every interval. */
        TRICKLE_AFTER_HELLO,
        /**
         * Answers HELLO with WELCOME and one PROBLEM whose time limit is the interval, then sends a PING
         * every interval and never a verdict: whole messages, but no progress.
         */
        PING_INSTEAD_OF_VERDICT,
        /** Answers HELLO with a PING every third of the interval, and never with WELCOME. */
        PING_INSTEAD_OF_WELCOME,
        /**
         * Answers HELLO with WELCOME, then PROBLEM and VERDICT pairs (each VERDICT about 8 KB) for as long
         * as the connection is writable, and again whenever it becomes writable: a flood that only the
         * client's reading bounds.
         */
        FLOOD,
        /**
         * Answers HELLO by no longer reading anything, and sends PINGs in batches for as long as the
         * connection is writable: the client's PONGs can only pile up, unless it stops reading.
         */
        PING_FLOOD_WITHOUT_READING
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ServerTls tls;
    private final Channel serverChannel;
    private final AtomicLong floodedBytes = new AtomicLong();
    /** The ANSWER texts received by an {@link #asking} server, exactly as they came off the wire. */
    private final List<String> answersReceived = new CopyOnWriteArrayList<>();

    /**
     * One question an {@link #asking} server asks.
     *
     * @param problem  what it sends (its problemId, round and rounds are set by the server)
     * @param right    the ANSWER texts judged CORRECT, compared exactly; any other is WRONG
     * @param expected the VERDICT's readable accepted answer
     * @param feedback the VERDICT's feedback, whatever the outcome
     */
    public record Asked(Problem problem, Set<String> right, String expected, String feedback) {

        public Asked {
            right = Set.copyOf(right);
        }
    }

    public RawTlsServer(TestPki pki, Behavior behavior) throws Exception {
        this(pki, behavior, 1_000);
    }

    /** A server whose trickle, PINGs or problem time limit use {@code intervalMillis}. */
    public RawTlsServer(TestPki pki, Behavior behavior, long intervalMillis) throws Exception {
        this(pki, behavior, intervalMillis, null);
    }

    /**
     * A server that speaks the protocol through the real codec, with a new {@code session} handler per
     * connection deciding what to send.
     */
    public static RawTlsServer speaking(TestPki pki, Supplier<ChannelHandler> session) throws Exception {
        return new RawTlsServer(pki, null, 0, session);
    }

    /**
     * A server that speaks version 2 and asks {@code questions} in order, one at a time: a VERDICT per
     * ANSWER (or TIMEOUT when a problem's time limit passes first), then the next; SUMMARY after the
     * last one or on BYE. It records every ANSWER's text ({@link #answersReceived}).
     */
    public static RawTlsServer asking(TestPki pki, List<Asked> questions) throws Exception {
        RawTlsServer[] server = new RawTlsServer[1];
        server[0] = new RawTlsServer(pki, null, 0, () -> new AskingSession(questions, server[0].answersReceived));
        return server[0];
    }

    private RawTlsServer(TestPki pki, Behavior behavior, long intervalMillis, Supplier<ChannelHandler> session)
            throws Exception {
        tls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID));
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                // A small send buffer: a flood fills what the client does not read sooner.
                .childOption(ChannelOption.SO_SNDBUF, 64 * 1024)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        if (behavior == Behavior.GARBAGE) {
                            ch.pipeline().addLast(new GarbageAfterHandshake());
                            return;
                        }
                        QuizCodec.install(ch.pipeline(), Side.SERVER, CodecLimits.DEFAULT);
                        ch.pipeline().addLast(new WelcomeSetsVersion());
                        if (session != null) {
                            ch.pipeline().addLast(session.get());
                            return;
                        }
                        ch.pipeline().addLast(switch (behavior) {
                            case CLOSE_AFTER_FIRST_PROBLEM -> new CloseAfterFirstProblem();
                            case TRICKLE_AFTER_HELLO -> RepeatAfterHello.trickle(intervalMillis);
                            case PING_INSTEAD_OF_VERDICT -> RepeatAfterHello.pings(intervalMillis, true);
                            case PING_INSTEAD_OF_WELCOME -> RepeatAfterHello.pings(intervalMillis, false);
                            case FLOOD -> new Flood(floodedBytes);
                            case PING_FLOOD_WITHOUT_READING -> new PingFloodWithoutReading(floodedBytes);
                            case GARBAGE -> throw new AssertionError("handled above");
                        });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The ANSWER texts an {@link #asking} server received so far, in order, exactly as sent. */
    public List<String> answersReceived() {
        return List.copyOf(answersReceived);
    }

    /** How many bytes of flood the client has taken so far (written to its socket). */
    public long floodedBytes() {
        return floodedBytes.get();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(5_000);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10_000);
        tls.close();
    }

    /**
     * Makes the connection speak the version its WELCOME names from that WELCOME on, as the real
     * server does on HELLO: the handlers here only decide what to send.
     */
    private static final class WelcomeSetsVersion extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof Welcome welcome) {
                NegotiatedVersion.set(ctx.channel(), welcome.version());
            }
            ctx.write(msg, promise);
        }
    }

    /** The session of an {@link #asking} server; state confined to the connection's event loop. */
    private static final class AskingSession extends SimpleChannelInboundHandler<QuizMessage> {
        private static final long POINTS = 100;

        private final List<Asked> questions;
        private final List<String> answersReceived;
        private int next;
        private Asked open;
        private ScheduledFuture<?> timeout;
        private int correct;
        private int answered;
        private long score;
        private boolean over;

        AskingSession(List<Asked> questions, List<String> answersReceived) {
            this.questions = List.copyOf(questions);
            this.answersReceived = answersReceived;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
            if (message instanceof Hello hello && next == 0 && !over) {
                ctx.write(new Welcome(Protocol.VERSION_2, 7, questions.size(), 30_000, hello.playerName(), "raw-test"));
                askNext(ctx);
            } else if (message instanceof Answer answer && open != null && answer.problemId() == next) {
                answersReceived.add(answer.text());
                answered++;
                boolean right = open.right().contains(answer.text());
                if (right) {
                    correct++;
                    score += POINTS;
                }
                judge(ctx, right ? Outcome.CORRECT : Outcome.WRONG, right ? POINTS : 0);
            } else if (message instanceof Bye) {
                end(ctx);
            }
        }

        private void askNext(ChannelHandlerContext ctx) {
            if (next == questions.size()) {
                end(ctx);
                return;
            }
            open = questions.get(next++);
            Problem given = open.problem();
            ctx.writeAndFlush(new Problem(next, next, questions.size(), given.timeLimitMillis(), given.text(),
                    given.format(), given.choices()));
            timeout = ctx.executor().schedule(() -> judge(ctx, Outcome.TIMEOUT, 0), given.timeLimitMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private void judge(ChannelHandlerContext ctx, Outcome outcome, long points) {
            if (open == null || over) {
                return;
            }
            timeout.cancel(false);
            ctx.write(new Verdict(next, outcome, open.expected(), points, score, open.feedback()));
            open = null;
            askNext(ctx);
        }

        private void end(ChannelHandlerContext ctx) {
            if (over) {
                return;
            }
            over = true;
            if (timeout != null) {
                timeout.cancel(false);
            }
            ctx.writeAndFlush(new Summary(correct, answered, questions.size(), score, 1_000));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (timeout != null) {
                timeout.cancel(false);
            }
            ctx.fireChannelInactive();
        }
    }

    private static final class GarbageAfterHandshake extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof SslHandshakeCompletionEvent completion && completion.isSuccess()) {
                // Length 1, then type byte 0xEE, which no message type owns.
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, (byte) 0xEE}));
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    private static final class CloseAfterFirstProblem extends SimpleChannelInboundHandler<QuizMessage> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
            if (message instanceof Hello hello) {
                ctx.write(new Welcome(Protocol.VERSION, 7, 3, 30_000, hello.playerName(), "raw-test"));
                ctx.writeAndFlush(new Problem(1, 1, 3, 30_000, "1 + 1"))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /**
     * On HELLO, does {@code first} once, then {@code again} every period until the connection closes:
     * whatever keeps a connection busy without making progress.
     */
    private static final class RepeatAfterHello extends SimpleChannelInboundHandler<QuizMessage> {
        private final long periodMillis;
        private final BiConsumer<ChannelHandlerContext, Hello> first;
        private final Consumer<ChannelHandlerContext> again;
        private ScheduledFuture<?> repeating;

        RepeatAfterHello(long periodMillis, BiConsumer<ChannelHandlerContext, Hello> first,
                         Consumer<ChannelHandlerContext> again) {
            this.periodMillis = periodMillis;
            this.first = first;
            this.again = again;
        }

        /** The header of a 16,000-byte frame (within the client's limit), then one byte of it every interval. */
        static RepeatAfterHello trickle(long intervalMillis) {
            return new RepeatAfterHello(intervalMillis,
                    (ctx, hello) -> ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {0, 0, 0x3e, (byte) 0x80, 0x02})),
                    ctx -> ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {0x41})));
        }

        /** Optionally WELCOME and a PROBLEM with the interval as its time limit, then a PING every third of it. */
        static RepeatAfterHello pings(long intervalMillis, boolean welcomeAndProblemFirst) {
            return new RepeatAfterHello(intervalMillis / 3, (ctx, hello) -> {
                if (welcomeAndProblemFirst) {
                    ctx.write(new Welcome(Protocol.VERSION, 7, 3, intervalMillis, hello.playerName(), "raw-test"));
                    ctx.writeAndFlush(new Problem(1, 1, 3, intervalMillis, "1 + 1"));
                }
            }, ctx -> ctx.writeAndFlush(new Ping(System.nanoTime())));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
            if (message instanceof Hello hello && repeating == null) {
                first.accept(ctx, hello);
                repeating = ctx.executor().scheduleAtFixedRate(() -> again.accept(ctx), periodMillis, periodMillis,
                        TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (repeating != null) {
                repeating.cancel(false);
            }
            ctx.fireChannelInactive();
        }
    }

    private static final class Flood extends SimpleChannelInboundHandler<QuizMessage> {
        /** Big messages: a fast flood in bytes for few buffers, which the leak detector makes expensive. */
        private static final String EXPECTED = "7".repeat(8_000);

        private final AtomicLong floodedBytes;
        private boolean started;
        private long nextId = 1;

        Flood(AtomicLong floodedBytes) {
            this.floodedBytes = floodedBytes;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
            if (message instanceof Hello hello && !started) {
                started = true;
                ctx.write(new Welcome(Protocol.VERSION, 7, 65_535, 30_000, hello.playerName(), "raw-test"));
                flood(ctx);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (started && ctx.channel().isWritable()) {
                flood(ctx);
            }
            ctx.fireChannelWritabilityChanged();
        }

        /** Writes until the channel's outbound buffer is full; the client's reading decides how far that goes. */
        private void flood(ChannelHandlerContext ctx) {
            while (ctx.channel().isActive() && ctx.channel().isWritable()) {
                long id = nextId++;
                int round = (int) (id % 65_535) + 1;
                Problem problem = new Problem(id, round, 65_535, 30_000, "1 + " + id);
                Verdict verdict = new Verdict(id, Outcome.WRONG, EXPECTED, 0, 0);
                int size = QuizWire.encodedSize(problem) + QuizWire.encodedSize(verdict);
                ctx.write(problem);
                ctx.write(verdict).addListener(written -> {
                    if (written.isSuccess()) {
                        floodedBytes.addAndGet(size);
                    }
                });
                if (id % 4 == 0) {
                    ctx.flush();
                }
            }
            ctx.flush();
        }
    }

    private static final class PingFloodWithoutReading extends SimpleChannelInboundHandler<QuizMessage> {
        /** 300 PING frames (length 9, type, 8-byte token) in one buffer: a fast flood for few buffers. */
        private static final byte[] BATCH = pingBatch(300);

        private final AtomicLong floodedBytes;
        private boolean started;

        PingFloodWithoutReading(AtomicLong floodedBytes) {
            this.floodedBytes = floodedBytes;
        }

        private static byte[] pingBatch(int pings) {
            ByteBuf frame = Unpooled.buffer();
            try {
                QuizWire.writeFrame(new Ping(42), frame);
                byte[] one = new byte[frame.readableBytes()];
                frame.readBytes(one);
                byte[] batch = new byte[one.length * pings];
                for (int i = 0; i < pings; i++) {
                    System.arraycopy(one, 0, batch, i * one.length, one.length);
                }
                return batch;
            } finally {
                frame.release();
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
            if (message instanceof Hello && !started) {
                started = true;
                ctx.channel().config().setAutoRead(false);
                flood(ctx);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (started && ctx.channel().isWritable()) {
                flood(ctx);
            }
            ctx.fireChannelWritabilityChanged();
        }

        private void flood(ChannelHandlerContext ctx) {
            while (ctx.channel().isActive() && ctx.channel().isWritable()) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(BATCH)).addListener(written -> {
                    if (written.isSuccess()) {
                        floodedBytes.addAndGet(BATCH.length);
                    }
                });
            }
        }
    }
}
