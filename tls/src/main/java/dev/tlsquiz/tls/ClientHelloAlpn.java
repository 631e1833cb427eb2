package dev.tlsquiz.tls;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ALPN extension of a reassembled TLS ClientHello, so that a server can refuse a client
 * that offers only other application protocols before the TLS engine answers.
 *
 * <p>Wire format (RFC 8446 4.1.2, RFC 7301 3.1), after the 4-byte handshake header:
 * {@code legacy_version(2), random(32), session_id<0..32>, cipher_suites<2..2^16-2>,
 * compression_methods<1..2^8-1>, extensions<0..2^16-1>}, each extension {@code type(2), length(2),
 * data}; ALPN (type 16) holds {@code ProtocolNameList<2..2^16-1>} of {@code ProtocolName<1..2^8-1>}.
 */
final class ClientHelloAlpn {

    /** What a ClientHello says about ALPN. */
    enum Verdict {
        /** The first record held no ClientHello: leave it to the engine, which rejects it. */
        NOT_A_CLIENT_HELLO,
        /** A ClientHello that cannot be parsed. */
        MALFORMED,
        /** A ClientHello without ALPN. */
        NO_ALPN,
        /** A ClientHello whose ALPN list holds the wanted protocol. */
        OFFERS_WANTED,
        /** A ClientHello whose ALPN list does not hold the wanted protocol. */
        OFFERS_OTHERS_ONLY
    }

    /**
     * The verdict, and the protocol ids the client offered (empty unless it offered ALPN). The ids
     * are the peer's bytes read as ISO-8859-1: escape them before they reach a log.
     */
    record Offer(Verdict verdict, List<String> offered) {
        Offer {
            offered = List.copyOf(offered);
        }

        static Offer of(Verdict verdict) {
            return new Offer(verdict, List.of());
        }
    }

    private static final int EXTENSION_ALPN = 16;

    private ClientHelloAlpn() {
    }

    /**
     * Reads the ALPN offer of {@code body}, a ClientHello without its handshake header (as
     * {@link io.netty.handler.ssl.SslClientHelloHandler} hands it over), or null when the client sent
     * no ClientHello. Moves the reader index of {@code body}.
     */
    static Offer read(ByteBuf body, String wanted) {
        if (body == null) {
            return Offer.of(Verdict.NOT_A_CLIENT_HELLO);
        }
        // legacy_version(2) + random(32)
        if (!skip(body, 34) || !skipVector(body, 1) || !skipVector(body, 2) || !skipVector(body, 1)) {
            return Offer.of(Verdict.MALFORMED);
        }
        if (!body.isReadable()) {
            return Offer.of(Verdict.NO_ALPN);
        }
        if (body.readableBytes() < 2) {
            return Offer.of(Verdict.MALFORMED);
        }
        int extensionsLength = body.readUnsignedShort();
        if (extensionsLength != body.readableBytes()) {
            return Offer.of(Verdict.MALFORMED);
        }
        while (body.isReadable()) {
            if (body.readableBytes() < 4) {
                return Offer.of(Verdict.MALFORMED);
            }
            int type = body.readUnsignedShort();
            int length = body.readUnsignedShort();
            if (length > body.readableBytes()) {
                return Offer.of(Verdict.MALFORMED);
            }
            if (type == EXTENSION_ALPN) {
                return readAlpn(body.readSlice(length), wanted);
            }
            body.skipBytes(length);
        }
        return Offer.of(Verdict.NO_ALPN);
    }

    private static Offer readAlpn(ByteBuf data, String wanted) {
        if (data.readableBytes() < 2 || data.readUnsignedShort() != data.readableBytes() || !data.isReadable()) {
            return Offer.of(Verdict.MALFORMED);
        }
        List<String> names = new ArrayList<>();
        while (data.isReadable()) {
            int length = data.readUnsignedByte();
            if (length == 0 || length > data.readableBytes()) {
                return Offer.of(Verdict.MALFORMED);
            }
            names.add(data.readCharSequence(length, StandardCharsets.ISO_8859_1).toString());
        }
        return new Offer(names.contains(wanted) ? Verdict.OFFERS_WANTED : Verdict.OFFERS_OTHERS_ONLY, names);
    }

    private static boolean skip(ByteBuf body, int bytes) {
        if (body.readableBytes() < bytes) {
            return false;
        }
        body.skipBytes(bytes);
        return true;
    }

    private static boolean skipVector(ByteBuf body, int lengthBytes) {
        if (body.readableBytes() < lengthBytes) {
            return false;
        }
        int length = lengthBytes == 1 ? body.readUnsignedByte() : body.readUnsignedShort();
        return skip(body, length);
    }
}
