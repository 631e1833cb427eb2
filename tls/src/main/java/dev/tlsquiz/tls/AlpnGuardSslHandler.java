package dev.tlsquiz.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server {@link SslHandler} that refuses, in the handshake, a client whose ALPN list does not hold
 * the tlsquiz protocol id: it answers the ClientHello with a fatal {@code no_application_protocol}
 * alert (RFC 7301 3.2) and closes, before the engine sees a byte. A client that offers no ALPN is let
 * through.
 *
 * <p>Why: BoringSSL through netty-tcnative cannot fail the handshake from its ALPN callback (with no
 * match it either ignores ALPN or picks a protocol the client did not offer), while refusing here keeps
 * a client of another protocol (an HTTPS client pointed at this port, say) from ever talking to the
 * quiz codec. The JDK provider refuses by itself ({@code SelectorFailureBehavior.FATAL_ALERT}) and does
 * not need this class.
 */
final class AlpnGuardSslHandler extends SslHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AlpnGuardSslHandler.class);

    /** A plaintext TLS record: alert(21), version 3.3, length 2, fatal(2), the description. */
    private static final int ALERT_CONTENT_TYPE = 21;
    private static final int ALERT_LEVEL_FATAL = 2;
    private static final int ALERT_DECODE_ERROR = 50;
    private static final int ALERT_NO_APPLICATION_PROTOCOL = 120;

    private final String protocolId;
    private boolean clientHelloChecked;
    private boolean refused;

    AlpnGuardSslHandler(SSLEngine engine, String protocolId) {
        super(engine);
        this.protocolId = protocolId;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws SSLException {
        if (refused) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!clientHelloChecked) {
            List<String> offered = new ArrayList<>();
            ClientHelloAlpn.Verdict verdict = ClientHelloAlpn.inspect(in, protocolId, offered);
            switch (verdict) {
                case NEED_MORE:
                    return;
                case OFFERS_OTHERS_ONLY:
                    LOG.debug("refused TLS client {}: it offers ALPN {} but not {}",
                            ctx.channel().remoteAddress(), offered, protocolId);
                    refuse(ctx, in, ALERT_NO_APPLICATION_PROTOCOL);
                    return;
                case MALFORMED:
                    LOG.debug("refused TLS client {}: malformed or oversized ClientHello",
                            ctx.channel().remoteAddress());
                    refuse(ctx, in, ALERT_DECODE_ERROR);
                    return;
                case NOT_TLS_HANDSHAKE:
                case NO_ALPN:
                case OFFERS_WANTED:
                    clientHelloChecked = true;
                    break;
                default:
                    throw new IllegalStateException("unknown verdict " + verdict);
            }
        }
        super.decode(ctx, in, out);
    }

    private void refuse(ChannelHandlerContext ctx, ByteBuf in, int description) {
        refused = true;
        in.skipBytes(in.readableBytes());
        ByteBuf alert = ctx.alloc().buffer(7)
                .writeByte(ALERT_CONTENT_TYPE).writeShort(0x0303).writeShort(2)
                .writeByte(ALERT_LEVEL_FATAL).writeByte(description);
        // ctx.write and ctx.close go to the handlers before this one: the alert is not passed through the
        // engine, and no close_notify follows it.
        ctx.writeAndFlush(alert).addListener(written -> ctx.close());
    }
}
