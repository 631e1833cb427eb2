package dev.tlsquiz.client.net;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.tls.ClientTls;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The client pipeline, in order: {@code ssl → frameDecoder → messageDecoder → messageEncoder →
 * idle → session → exceptions}.
 */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ClientTls tls;
    private final String host;
    private final int port;
    private final long handshakeTimeoutMillis;
    private final ClientTimeouts timeouts;
    private final EventSink sink;
    /**
     * The TLS handler this initializer installed, kept here because the pipeline loses it when the
     * channel closes, which a failed handshake can do before the connecting thread looks.
     */
    private volatile SslHandler ssl;

    ClientChannelInitializer(ClientTls tls, String host, int port, long handshakeTimeoutMillis,
                             ClientTimeouts timeouts, EventSink sink) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.timeouts = timeouts;
        this.sink = sink;
    }

    /** The TLS handler of the channel this initialized; set before the connect completes. */
    SslHandler ssl() {
        return ssl;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline pipeline = ch.pipeline();
        // TLS first: hostname verification, SNI and ALPN are set up inside newHandler.
        SslHandler ssl = tls.newHandler(ch.alloc(), host, port);
        // A server that accepts TCP but never finishes the handshake must not hang the client.
        ssl.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        pipeline.addLast(PipelineNames.SSL, ssl);
        this.ssl = ssl;
        // Framing and the message codec, bounded by the default frame limit.
        QuizCodec.install(pipeline, Side.CLIENT, CodecLimits.DEFAULT);
        // After the codec, so only whole messages count as life: a server trickling the bytes of a frame
        // is silent. Writer idle sends the heartbeat PING; reader idle notices a server that went silent.
        pipeline.addLast(PipelineNames.IDLE, new IdleStateHandler(timeouts.serverSilentMillis(),
                timeouts.heartbeatMillis(), 0, TimeUnit.MILLISECONDS));
        // Hands messages to the play loop; answers PINGs itself.
        pipeline.addLast(PipelineNames.SESSION,
                new ClientSessionHandler(sink, timeouts.serverSilentMillis()));
        // Last: any failure ends the connection and is reported once.
        pipeline.addLast(PipelineNames.EXCEPTIONS, new ClientExceptionHandler(sink));
    }
}
