package dev.tlsquiz.server;

import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.server.limits.ConnectionLimitHandler;
import dev.tlsquiz.server.limits.MessageRateLimiter;
import dev.tlsquiz.server.limits.SlowConsumerHandler;
import dev.tlsquiz.tls.ServerTls;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Assembles the server pipeline of every accepted connection, in order:
 *
 * <pre>
 * connectionLimit -&gt; clientHelloGuard -&gt; ssl -&gt; [flushConsolidation] -&gt; frameDecoder -&gt; messageDecoder
 *     -&gt; messageEncoder -&gt; idle -&gt; rateLimit -&gt; slowConsumer -&gt; sessionRouter -&gt; session -&gt; exceptions
 * </pre>
 *
 * A connection over a connection limit is reset by the first handler, before the rest of the
 * pipeline (and any TLS work) exists. The ClientHello guard, which the ssl handler puts in front of
 * itself, holds at most 16 KiB and 64 records until the ClientHello is complete, then leaves.
 * Inbound bytes are decrypted, split into bounded frames and decoded into messages; the idle
 * handler sees whole messages only, so a peer trickling bytes of a frame still counts as idle; the
 * rate limiter counts those messages; the slow-consumer handler closes a connection whose peer stops
 * reading; the session router puts a room session in place of the solo one when the first message is
 * HOST or JOIN, then leaves; the session runs the protocol; the exception handler closes whatever failed. Outbound
 * messages pass the encoder and TLS on the way out.
 */
final class QuizServerInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerTls tls;
    private final SessionEnvironment env;
    private final ChannelGroup connections;
    /** One for the whole server: it counts every connection, whichever event loop it lands on. */
    private final ConnectionLimitHandler connectionLimit;
    /** One for the whole server too: failed handshakes are logged per kind at a bounded rate. */
    private final ServerExceptionHandler exceptions = new ServerExceptionHandler(new HandshakeFailureLog());
    private final boolean flushConsolidation;

    QuizServerInitializer(ServerTls tls, SessionEnvironment env, ChannelGroup connections,
                          boolean flushConsolidation) {
        this.tls = tls;
        this.env = env;
        this.connections = connections;
        this.connectionLimit = new ConnectionLimitHandler(env.config().limits().maxConnections(),
                env.config().limits().maxConnectionsPerIp());
        this.flushConsolidation = flushConsolidation;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ServerConfig config = env.config();
        ChannelPipeline pipeline = channel.pipeline();

        // First, before any TLS work: a connection over --max-connections or --max-connections-per-ip
        // is reset as this handler is added, and nothing more is built for it.
        pipeline.addLast(PipelineNames.CONNECTION_LIMIT, connectionLimit);
        if (!channel.isOpen()) {
            return;
        }
        // Tracked so that a shutdown can count, warn and close every connection; closed ones leave by themselves.
        connections.add(channel);

        // TLS first: nothing of the protocol is read or written in the clear. The handler adds its ClientHello
        // guard in front of itself, bounding what a client may send before the engine sees its hello. The
        // handshake timeout closes connections that never finish it (port scanners, stalled clients) before
        // any HELLO deadline.
        SslHandler ssl = tls.newHandler(channel.alloc());
        ssl.setHandshakeTimeoutMillis(config.timeouts().handshakeTimeout().toMillis());
        pipeline.addLast(PipelineNames.SSL, ssl);

        // Flushes during a read wait for its end, so a VERDICT and the next PROBLEM leave as one TLS
        // record in one write (SslHandler coalesces what is written before a flush).
        if (flushConsolidation) {
            pipeline.addLast(PipelineNames.FLUSH_CONSOLIDATION, new FlushConsolidationHandler(
                    FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false));
        }

        // Framing and messages: the frame decoder bounds every length before buffering a body.
        QuizCodec.install(pipeline, Side.SERVER, config.limits().codecLimits());

        // After the decoders, so that only complete messages count as activity.
        pipeline.addLast(PipelineNames.IDLE,
                new IdleStateHandler(config.timeouts().idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));

        // Whole messages per second (--max-messages-per-second): a flood becomes ERROR RATE_LIMITED.
        pipeline.addLast(PipelineNames.RATE_LIMIT, new MessageRateLimiter(config.limits().maxMessagesPerSecond()));

        // Backpressure: no reading while the channel is unwritable, and a connection that stays so longer
        // than --slow-consumer-timeout (its client does not read) is closed.
        pipeline.addLast(PipelineNames.SLOW_CONSUMER, new SlowConsumerHandler(config.limits().slowConsumerTimeout()));

        // The first message decides the session: HELLO stays solo, HOST or JOIN swaps in a room session.
        pipeline.addLast(PipelineNames.SESSION_ROUTER, new SessionRouter(env));

        // The protocol state machine: one instance per connection, its state confined to this event loop.
        pipeline.addLast(PipelineNames.SESSION, new QuizSession(env));

        // Last: anything not handled above is logged and ends this connection, never the server.
        pipeline.addLast(PipelineNames.EXCEPTIONS, exceptions);
    }
}
