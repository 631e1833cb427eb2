package dev.tlsquiz.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link SslHandler}, on both providers. As it is added to a pipeline it puts a
 * {@link ClientHelloGuard} in front of itself, which bounds what is held before the ClientHello is
 * complete and refuses, in the handshake, a client whose ALPN list lacks the tlsquiz protocol id.
 * Installing the guard here, rather than in each pipeline, gives every user of
 * {@link ServerTls#newHandler} the same bounds and the same refusal.
 *
 * <p>Until its handshake completes, it also closes a connection whose client has sent more than
 * {@value #MAX_HANDSHAKE_RECORDS} records. The guard's bounds end with the first ClientHello; this one
 * covers what follows it: a second ClientHello (after a HelloRetryRequest) or the client's last
 * flight, cut into 1-byte records, would otherwise cost the engines tens of microseconds a record (the
 * JDK also copies the partial message at every fragment). Honest clients send fewer than ten records
 * in a handshake. The records are counted before the engine reads them, so those that follow the
 * client's Finished in the same read count too; the bound leaves ample room for them.
 */
final class AlpnGuardSslHandler extends SslHandler {

    /** Two ClientHellos' worth of the guard's bound: a HelloRetryRequest asks for a second one. */
    static final int MAX_HANDSHAKE_RECORDS = 2 * ClientHelloGuard.MAX_RECORDS;

    private static final Logger LOG = LoggerFactory.getLogger(AlpnGuardSslHandler.class);

    private final String protocolId;
    private final RecordCounter records = new RecordCounter();

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

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws SSLException {
        if (handshakeFuture().isDone()) {
            super.decode(ctx, in, out);
            return;
        }
        if (records.count(in) > MAX_HANDSHAKE_RECORDS) {
            LOG.debug("closed TLS client {}: more than {} records before its handshake completed",
                    ctx.channel().remoteAddress(), MAX_HANDSHAKE_RECORDS);
            in.skipBytes(in.readableBytes());
            // From this context the close bypasses the engine: nothing more is read, decrypted or sent.
            ctx.close();
            return;
        }
        int before = in.readerIndex();
        try {
            super.decode(ctx, in, out);
        } finally {
            // Whole records only, as the counter needs: engines from SslContext.newEngine keep the JDK's
            // contract (netty-tcnative's jdkCompatibilityMode), so SslHandler never hands them part of one.
            records.consumed(in.readerIndex() - before);
        }
    }
}
