package dev.tlsquiz.bench.load;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.NegotiatedVersion;
import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.codec.Welcome;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The idle scenario: opens every session once (at most {@code --connect-window} in their connect
 * and handshake at a time, so a server is not flooded with thousands of simultaneous handshakes),
 * says HELLO, and holds the session: it answers nothing and sends only a PING now and then so that
 * the server's idle timeout does not end it. A session that ends is not reopened.
 */
final class IdleLoad extends LoadDriver {

    private final Meter welcome = new Meter("connect_to_welcome");
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger settled = new AtomicInteger();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    IdleLoad(BenchClient client, BenchSettings settings, ErrorCounts errors) {
        super(client, settings, errors);
    }

    @Override
    void start() {
        int first = Math.min(settings.connectWindow(), settings.connections());
        for (int i = 0; i < first; i++) {
            openNext();
        }
    }

    @Override
    List<Meter> meters() {
        return List.of(welcome);
    }

    Meter welcomeMeter() {
        return welcome;
    }

    @Override
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Sessions open now. */
    long held() {
        return held.get();
    }

    @Override
    Map<String, Long> gauges() {
        return Map.of("held_sessions", held.get(), "peak_sessions", peak.get(), "failed_sessions", failed.get());
    }

    @Override
    String progressDetail() {
        return held.get() + " held, " + failed.get() + " failed";
    }

    private void openNext() {
        int index = next.getAndIncrement();
        if (index >= settings.connections() || !running()) {
            return;
        }
        long startNanos = System.nanoTime();
        ConnectionEnd end = new ConnectionEnd(errors);
        ChannelFuture connected = client.connect(index, false, false, end, channel -> {
            QuizCodec.install(channel.pipeline(), Side.CLIENT, CodecLimits.DEFAULT);
            channel.pipeline().addLast(PipelineNames.SESSION,
                    new IdlePlayer(end, "idle-" + (settings.firstConnection() + index), startNanos));
        });
        track(connected.channel());
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                // Never active, so the player never hears of it: settle here.
                errors.count(f.cause());
                failed.incrementAndGet();
                settle();
            }
        });
    }

    /** A session opened or failed to: one more settled, and room in the window for the next. */
    private void settle() {
        if (settled.incrementAndGet() == settings.connections()) {
            ready.complete(null);
        }
        openNext();
    }

    /** Holds one session; state confined to the channel's event loop. */
    private final class IdlePlayer extends SimpleChannelInboundHandler<QuizMessage> {

        private final ConnectionEnd end;
        private final String name;
        private final long startNanos;
        private boolean welcomed;
        private ScheduledFuture<?> pinger;

        IdlePlayer(ConnectionEnd end, String name, long startNanos) {
            this.end = end;
            this.name = name;
            this.startNanos = startNanos;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Hello.of(name));
            long every = settings.pingInterval().toNanos();
            pinger = ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(new Ping(System.nanoTime())),
                    every, every, TimeUnit.NANOSECONDS);
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
            // A switch expression over the type, as everywhere: javac refuses it when a type is not handled.
            String endedBy = switch (message.type()) {
                case WELCOME -> {
                    // Set before the next frame is decoded, which must be read in the session's version.
                    NegotiatedVersion.set(ctx.channel(), ((Welcome) message).version());
                    if (!welcomed) {
                        welcomed = true;
                        welcome.record(System.nanoTime() - startNanos);
                        peak.accumulateAndGet(held.incrementAndGet(), Math::max);
                        settle();
                    }
                    yield null;
                }
                case PING -> {
                    ctx.writeAndFlush(new Pong(((Ping) message).token()));
                    yield null;
                }
                case SUMMARY -> "session_ended";
                case ERROR -> "server_error_" + ((ErrorMessage) message).errorCode()
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).orElse("unknown");
                // PROBLEM and VERDICT (TIMEOUT): an idle player lets them pass. The decoder refuses the
                // client's own types from a server.
                case PROBLEM, VERDICT, PONG, HELLO, ANSWER, BYE -> null;
                // Room messages: a solo session never gets them.
                case HOST, BANK_PART, JOIN, ROOM, LOBBY, PROGRESS, STANDINGS, NOTICE, ROOM_CLOSED, HOST_COMMAND -> null;
            };
            if (endedBy != null) {
                end(ctx, endedBy);
            }
        }

        private void end(ChannelHandlerContext ctx, String kind) {
            end.failed(kind);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (pinger != null) {
                pinger.cancel(false);
            }
            if (welcomed) {
                held.decrementAndGet();
            } else {
                failed.incrementAndGet();
                end.failed("closed_before_welcome");
                settle();
            }
            ctx.fireChannelInactive();
        }
    }
}
