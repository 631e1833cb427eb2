package dev.tlsquiz.bench.load;

import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.internal.tcnative.SSL;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;

/**
 * The handshakes scenario: each slot connects, completes the TLS handshake, closes and starts over.
 * No protocol bytes are sent, so any TLS server will do.
 *
 * <p>Full handshakes: the engine is keyed to a host:port the session cache has never seen
 * ({@link BenchClient#connect}). Resumed: the real port, so the client offers the session (TLS 1.3
 * ticket) of an earlier connection, and each connection stays open until the server's new tickets
 * have arrived (at most {@value #TICKET_WAIT_MILLIS} ms), so that it leaves a fresh ticket for the
 * next: TLS 1.3 tickets are used once. BoringSSL servers (the quiz server, the echo peer) send their
 * tickets only with their first application data, so the connection first sends what makes its
 * peer answer: HELLO to a quiz server, a frame to the echo peer; {@code openssl s_server} sends
 * them unasked. Only the handshake is timed either way. On the
 * OpenSSL provider each handshake is checked ({@code SSL_session_reused}) and counted as what it
 * really was; the JDK has no such query, so there the phase decides.
 */
final class HandshakeLoad extends LoadDriver {

    private static final long RETRY_MILLIS = 20;
    /** How long a resumed-phase connection waits for session tickets from a server that sends none. */
    private static final long TICKET_WAIT_MILLIS = 1000;

    private final Meter full = new Meter("full_handshakes");
    private final Meter resumed = new Meter("resumed_handshakes");
    private final AtomicLong notResumed = new AtomicLong();
    private final AtomicLong checked = new AtomicLong();
    private volatile boolean resumeMode;

    HandshakeLoad(BenchClient client, BenchSettings settings, ErrorCounts errors) {
        super(client, settings, errors);
        resumeMode = settings.handshakeMode() == HandshakeMode.RESUMED;
    }

    @Override
    void start() {
        for (int i = 0; i < settings.connections(); i++) {
            connect(i);
        }
    }

    @Override
    List<Meter> meters() {
        switch (settings.handshakeMode()) {
            case FULL:
                return List.of(full);
            case RESUMED:
                return List.of(resumed);
            default:
                return List.of(full, resumed);
        }
    }

    Meter fullMeter() {
        return full;
    }

    Meter resumedMeter() {
        return resumed;
    }

    /** From now on, connections offer the cached session. */
    void switchToResumed() {
        resumeMode = true;
    }

    @Override
    Map<String, Long> gauges() {
        return Map.of("resumption_attempts_not_resumed", notResumed.get(),
                "handshakes_checked_for_resumption", checked.get());
    }

    private void connect(int slot) {
        if (!running()) {
            return;
        }
        boolean resume = resumeMode;
        long startNanos = System.nanoTime();
        ConnectionEnd end = new ConnectionEnd(errors);
        ChannelFuture connected = client.connect(slot, !resume, true, end,
                channel -> channel.pipeline().addLast(PipelineNames.SESSION, new Probe(end, startNanos, resume)));
        keepSlot(connected, RETRY_MILLIS, () -> connect(slot));
    }

    /** Times the handshake and closes the connection as soon as it is done. */
    private final class Probe extends ChannelInboundHandlerAdapter {

        private final ConnectionEnd end;
        private final long startNanos;
        private final boolean resume;
        private boolean awaitingTickets;
        private int readsSinceHandshake;

        Probe(ConnectionEnd end, long startNanos, boolean resume) {
            this.end = end;
            this.startNanos = startNanos;
            this.resume = resume;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent) {
                SslHandshakeCompletionEvent done = (SslHandshakeCompletionEvent) event;
                if (done.isSuccess()) {
                    long took = System.nanoTime() - startNanos;
                    Boolean reused = sessionReused(ctx.pipeline().get(SslHandler.class).engine());
                    boolean wasResumed = reused != null ? reused : resume;
                    (wasResumed ? resumed : full).record(took);
                    if (reused != null) {
                        checked.incrementAndGet();
                    }
                    if (resume && !wasResumed) {
                        notResumed.incrementAndGet();
                    }
                } else {
                    end.failed(done.cause());
                }
                // Measured, or counted as failed: whatever happens to the connection now is no error.
                end.finished();
                if (resume && done.isSuccess()) {
                    // Stay for the session tickets, which follow the handshake in a later read.
                    awaitingTickets = true;
                    promptForTickets(ctx);
                    ctx.executor().schedule(() -> ctx.close(), TICKET_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                } else {
                    ctx.close();
                }
            }
            ctx.fireUserEventTriggered(event);
        }

        /** Sends what makes the peer write back, and so send the tickets it holds until its first write. */
        private void promptForTickets(ChannelHandlerContext ctx) {
            QuizMessage prompt = switch (settings.peer()) {
                case QUIZ -> new Hello(Protocol.VERSION, "bench-handshakes", 1);
                case ECHO -> new Ping(0);
                case TLS_ONLY -> null;
            };
            if (prompt != null) {
                ctx.writeAndFlush(QuizCodec.encode(ctx.alloc(), prompt));
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
            // Application data: the tickets, which come before it, are in the session cache.
            if (awaitingTickets) {
                awaitingTickets = false;
                ctx.close();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            // A server that was sent nothing (openssl s_server) sends its tickets unasked, once it has
            // our Finished: after the read that finished the handshake, the next one brings them.
            if (awaitingTickets && settings.peer() == Peer.TLS_ONLY && ++readsSinceHandshake >= 2) {
                awaitingTickets = false;
                ctx.close();
            }
            ctx.fireChannelReadComplete();
        }
    }

    /** Whether the handshake resumed a session, or {@code null} when the engine cannot say. */
    private static Boolean sessionReused(SSLEngine engine) {
        if (engine instanceof ReferenceCountedOpenSslEngine) {
            ReferenceCountedOpenSslEngine openSsl = (ReferenceCountedOpenSslEngine) engine;
            synchronized (openSsl) {
                long ssl = openSsl.sslPointer();
                return ssl != 0 && SSL.isSessionReused(ssl);
            }
        }
        return null;
    }
}
