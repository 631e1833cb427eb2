package dev.tlsquiz.tls;

import dev.tlsquiz.text.LogText;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslClientHelloHandler;
import io.netty.util.concurrent.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits in front of a server's {@code SslHandler} and holds the connection's first bytes until they
 * make a whole ClientHello, within fixed bounds; then either refuses the client with a fatal alert,
 * or steps out of the pipeline and hands every byte it held, unchanged, to the {@code SslHandler}.
 * {@link AlpnGuardSslHandler} puts it in place.
 *
 * <p>Bounds: before the handshake a client costs the server what the server holds for it, so that is
 * bounded by what an honest client needs. A ClientHello takes 0.5 to 2 KiB (post-quantum key shares
 * included) in one record; a client may send at most {@value #MAX_RECORDS} records and
 * {@value #MAX_WIRE_BYTES} bytes, counted on the wire with the record headers, before its ClientHello
 * is complete. So a ClientHello cut into 1-byte records (6 wire bytes per byte of hello) is held to
 * the same bytes as any other, and a connection holds at most two buffers of that size here (the
 * bytes as received, and the fragments joined). A client past either bound, or one that sends an
 * empty handshake record (forbidden by RFC 8446 5.1, and skipped without limit by Netty 4.2.18's
 * reassembly), gets a fatal {@code decode_error} alert.
 *
 * <p>Reassembly is Netty's {@link SslClientHelloHandler}, which joins each record's fragment once, so
 * the work is linear in the bytes received however they are cut and trickled. The bounds are checked
 * before it sees the bytes of each read, walking each record header once. Its own limit is switched
 * off: it counts only the hello's declared length, not what is buffered, and refuses by throwing
 * through the pipeline rather than with an alert.
 *
 * <p>ALPN: a client whose ALPN list lacks the wanted protocol gets a fatal
 * {@code no_application_protocol} alert (RFC 7301 3.2) before the engine sees a byte, so a client of
 * another protocol (an HTTPS client pointed at this port, say) never reaches the quiz codec. BoringSSL
 * through netty-tcnative cannot fail the handshake from its ALPN callback (with no match it ignores ALPN
 * or picks a protocol the client did not offer); the JDK would refuse by itself. A client offering no
 * ALPN is let through. Bytes that are not a TLS handshake record (plaintext HTTP, say) are left to the
 * engine, which rejects them.
 *
 * <p>Alerts are written in the clear (record version 3.3), past the engine, with no close_notify.
 */
final class ClientHelloGuard extends SslClientHelloHandler<ClientHelloAlpn.Offer> {

    /** This handler's name in the pipeline, just before the {@code SslHandler}. */
    static final String NAME = "clientHelloGuard";
    /** The most wire bytes held before the ClientHello is complete, record headers included. */
    static final int MAX_WIRE_BYTES = 16 * 1024;
    /** The most records a ClientHello may be cut into: TLS allows any cut, honest clients use one. */
    static final int MAX_RECORDS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ClientHelloGuard.class);

    private static final int CONTENT_TYPE_ALERT = 21;
    private static final int CONTENT_TYPE_HANDSHAKE = 22;
    private static final int ALERT_LEVEL_FATAL = 2;
    private static final int ALERT_DECODE_ERROR = 50;
    private static final int ALERT_NO_APPLICATION_PROTOCOL = 120;

    private final String protocolId;
    /** Nothing is consumed while this handler holds the bytes: it never calls {@link RecordCounter#consumed}. */
    private final RecordCounter records = new RecordCounter();
    private boolean refused;

    /** @param protocolId the ALPN id a client that offers ALPN must offer */
    ClientHelloGuard(String protocolId) {
        // 0: no limit of Netty's on the declared length; this class bounds what is buffered instead.
        super(0);
        this.protocolId = protocolId;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        // Nothing is consumed until this handler leaves, so `in` holds every byte received so far.
        if (!refused && withinBounds(ctx, in)) {
            super.decode(ctx, in, out);
        }
        if (refused) {
            // Nothing more is read from a refused client.
            in.skipBytes(in.readableBytes());
        }
    }

    /** Counts the records that arrived with this read; refuses the client and returns false when over a bound. */
    private boolean withinBounds(ChannelHandlerContext ctx, ByteBuf in) {
        if (in.getUnsignedByte(in.readerIndex()) != CONTENT_TYPE_HANDSHAKE) {
            // Not a ClientHello: Netty's reassembly hands it to the engine at once.
            return true;
        }
        int count = records.count(in);
        if (records.sawEmptyRecord()) {
            LOG.debug("refused TLS client {}: an empty record before its ClientHello was complete",
                    ctx.channel().remoteAddress());
        } else if (count > MAX_RECORDS) {
            LOG.debug("refused TLS client {}: more than {} records before its ClientHello was complete",
                    ctx.channel().remoteAddress(), MAX_RECORDS);
        } else if (in.readableBytes() > MAX_WIRE_BYTES) {
            LOG.debug("refused TLS client {}: more than {} bytes before its ClientHello was complete",
                    ctx.channel().remoteAddress(), MAX_WIRE_BYTES);
        } else {
            return true;
        }
        refuse(ctx, ALERT_DECODE_ERROR);
        return false;
    }

    @Override
    protected Future<ClientHelloAlpn.Offer> lookup(ChannelHandlerContext ctx, ByteBuf clientHello) {
        return ctx.executor().newSucceededFuture(ClientHelloAlpn.read(clientHello, protocolId));
    }

    @Override
    protected void onLookupComplete(ChannelHandlerContext ctx, Future<ClientHelloAlpn.Offer> future) {
        ClientHelloAlpn.Offer offer = future.getNow();
        switch (offer.verdict()) {
            case OFFERS_OTHERS_ONLY -> {
                LOG.debug("refused TLS client {}: it offers ALPN {} but not {}", ctx.channel().remoteAddress(),
                        LogText.value(String.join(",", offer.offered())), protocolId);
                refuse(ctx, ALERT_NO_APPLICATION_PROTOCOL);
            }
            case MALFORMED -> {
                LOG.debug("refused TLS client {}: malformed ClientHello", ctx.channel().remoteAddress());
                refuse(ctx, ALERT_DECODE_ERROR);
            }
            // The engine takes it from here, starting with the bytes held so far (passed on as this handler leaves).
            case NOT_A_CLIENT_HELLO, NO_ALPN, OFFERS_WANTED -> ctx.pipeline().remove(this);
        }
    }

    private void refuse(ChannelHandlerContext ctx, int description) {
        refused = true;
        ByteBuf alert = ctx.alloc().buffer(7)
                .writeByte(CONTENT_TYPE_ALERT).writeShort(0x0303).writeShort(2)
                .writeByte(ALERT_LEVEL_FATAL).writeByte(description);
        // From this context the alert and the close go only to the handlers before this one: past the engine.
        ctx.writeAndFlush(alert).addListener(written -> ctx.close());
    }
}
