package dev.tlsquiz.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLEngine;

/**
 * The server's {@link SslHandler}, on both providers. As it is added to a pipeline it puts a
 * {@link ClientHelloGuard} in front of itself, which bounds what is held before the ClientHello is
 * complete and refuses, in the handshake, a client whose ALPN list lacks the tlsquiz protocol id.
 * Installing the guard here, rather than in each pipeline, gives every user of
 * {@link ServerTls#newHandler} the same bounds and the same refusal.
 */
final class AlpnGuardSslHandler extends SslHandler {

    private final String protocolId;

    AlpnGuardSslHandler(SSLEngine engine, String protocolId) {
        super(engine);
        this.protocolId = protocolId;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        // Before the engine can see a byte: the guard hands the ClientHello on, or refuses it.
        ctx.pipeline().addBefore(ctx.name(), ClientHelloGuard.NAME, new ClientHelloGuard(protocolId));
        super.handlerAdded(ctx);
    }
}
