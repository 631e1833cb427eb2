package dev.tlsquiz.server;

import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.tls.ServerTls;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Assembles the server pipeline of every accepted connection, in order:
 *
 * <pre>
 * ssl -&gt; frameDecoder -&gt; messageDecoder -&gt; messageEncoder -&gt; idle -&gt; session -&gt; exceptions
 * </pre>
 *
 * Inbound bytes are decrypted, split into bounded frames and decoded into messages; the idle
 * handler sees whole messages only, so a peer trickling bytes of a frame still counts as idle; the
 * session runs the protocol; the exception handler closes whatever failed. Outbound messages pass
 * the encoder and TLS on the way out.
 */
final class QuizServerInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerTls tls;
    private final SessionEnvironment env;
    private final ChannelGroup connections;

    QuizServerInitializer(ServerTls tls, SessionEnvironment env, ChannelGroup connections) {
        this.tls = tls;
        this.env = env;
        this.connections = connections;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ServerConfig config = env.config();
        // Tracked so that a shutdown can count, warn and close every connection; closed ones leave by themselves.
        connections.add(channel);
        ChannelPipeline pipeline = channel.pipeline();

        // TLS first: nothing of the protocol is read or written in the clear. The handshake timeout
        // closes connections that never finish it (port scanners, stalled clients) before any HELLO deadline.
        SslHandler ssl = tls.newHandler(channel.alloc());
        ssl.setHandshakeTimeoutMillis(config.handshakeTimeout().toMillis());
        pipeline.addLast(PipelineNames.SSL, ssl);

        // Framing and messages: the frame decoder bounds every length before buffering a body.
        QuizCodec.install(pipeline, Side.SERVER, config.codecLimits());

        // After the decoders, so that only complete messages count as activity.
        pipeline.addLast(PipelineNames.IDLE,
                new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));

        // The protocol state machine: one instance per connection, its state confined to this event loop.
        pipeline.addLast(PipelineNames.SESSION, new QuizSession(env));

        // Last: anything not handled above is logged and ends this connection, never the server.
        pipeline.addLast(PipelineNames.EXCEPTIONS, ServerExceptionHandler.INSTANCE);
    }
}
