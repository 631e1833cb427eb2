package dev.tlsquiz.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ALPN extension of a TLS ClientHello without consuming it, so that a server can refuse a
 * client that offers only other application protocols before the TLS engine answers.
 *
 * <p>Wire format (RFC 8446 4.1.2, RFC 5246 6.2, RFC 7301 3.1): records of {@code type(1)=22,
 * version(2), length(2), fragment}; the fragments joined hold {@code msg_type(1)=1, length(3),
 * legacy_version(2), random(32), session_id<0..32>, cipher_suites<2..2^16-2>,
 * compression_methods<1..2^8-1>, extensions<0..2^16-1>}, each extension {@code type(2), length(2),
 * data}; ALPN (type 16) holds {@code ProtocolNameList<2..2^16-1>} of {@code ProtocolName<1..2^8-1>}.
 */
final class ClientHelloAlpn {

    /** What the first bytes of a connection say about ALPN. */
    enum Verdict {
        /** The ClientHello is not complete yet: wait for more bytes. */
        NEED_MORE,
        /** Not a TLS handshake record: leave it to the engine, which rejects it. */
        NOT_TLS_HANDSHAKE,
        /** A ClientHello that cannot be parsed, or is larger than any real one. */
        MALFORMED,
        /** A ClientHello without ALPN. */
        NO_ALPN,
        /** A ClientHello whose ALPN list holds the wanted protocol. */
        OFFERS_WANTED,
        /** A ClientHello whose ALPN list does not hold the wanted protocol. */
        OFFERS_OTHERS_ONLY
    }

    /** Real ClientHellos are far smaller (a few KiB even with post-quantum key shares). */
    static final int MAX_CLIENT_HELLO_BYTES = 32 * 1024;

    private static final int RECORD_HEADER_BYTES = 5;
    private static final int CONTENT_TYPE_HANDSHAKE = 22;
    private static final int HANDSHAKE_CLIENT_HELLO = 1;
    private static final int EXTENSION_ALPN = 16;

    private ClientHelloAlpn() {
    }

    /**
     * Inspects the readable bytes of {@code in} (leaving its indexes alone).
     *
     * @param offered filled with the protocols the client offered, when the verdict is an ALPN one
     */
    static Verdict inspect(ByteBuf in, String wanted, List<String> offered) {
        ByteBuf message = Unpooled.buffer();
        try {
            int offset = in.readerIndex();
            int end = in.writerIndex();
            int messageLength = -1;
            while (messageLength < 0 || message.readableBytes() < messageLength + 4) {
                if (end - offset < RECORD_HEADER_BYTES) {
                    return Verdict.NEED_MORE;
                }
                if (in.getUnsignedByte(offset) != CONTENT_TYPE_HANDSHAKE || in.getUnsignedByte(offset + 1) != 3) {
                    return Verdict.NOT_TLS_HANDSHAKE;
                }
                int recordLength = in.getUnsignedShort(offset + 3);
                if (recordLength == 0 || message.readableBytes() + recordLength > MAX_CLIENT_HELLO_BYTES) {
                    return Verdict.MALFORMED;
                }
                if (end - offset < RECORD_HEADER_BYTES + recordLength) {
                    return Verdict.NEED_MORE;
                }
                message.writeBytes(in, offset + RECORD_HEADER_BYTES, recordLength);
                offset += RECORD_HEADER_BYTES + recordLength;
                if (messageLength < 0 && message.readableBytes() >= 4) {
                    if (message.getUnsignedByte(0) != HANDSHAKE_CLIENT_HELLO) {
                        return Verdict.MALFORMED;
                    }
                    messageLength = message.getUnsignedMedium(1);
                    if (messageLength + 4 > MAX_CLIENT_HELLO_BYTES) {
                        return Verdict.MALFORMED;
                    }
                }
            }
            return parseClientHello(message.slice(4, messageLength), wanted, offered);
        } finally {
            message.release();
        }
    }

    private static Verdict parseClientHello(ByteBuf body, String wanted, List<String> offered) {
        // legacy_version(2) + random(32)
        if (!skip(body, 34) || !skipVector(body, 1) || !skipVector(body, 2) || !skipVector(body, 1)) {
            return Verdict.MALFORMED;
        }
        if (!body.isReadable()) {
            return Verdict.NO_ALPN;
        }
        if (body.readableBytes() < 2) {
            return Verdict.MALFORMED;
        }
        int extensionsLength = body.readUnsignedShort();
        if (extensionsLength != body.readableBytes()) {
            return Verdict.MALFORMED;
        }
        while (body.isReadable()) {
            if (body.readableBytes() < 4) {
                return Verdict.MALFORMED;
            }
            int type = body.readUnsignedShort();
            int length = body.readUnsignedShort();
            if (length > body.readableBytes()) {
                return Verdict.MALFORMED;
            }
            if (type == EXTENSION_ALPN) {
                return parseAlpn(body.readSlice(length), wanted, offered);
            }
            body.skipBytes(length);
        }
        return Verdict.NO_ALPN;
    }

    private static Verdict parseAlpn(ByteBuf data, String wanted, List<String> offered) {
        if (data.readableBytes() < 2 || data.readUnsignedShort() != data.readableBytes() || !data.isReadable()) {
            return Verdict.MALFORMED;
        }
        List<String> names = new ArrayList<>();
        while (data.isReadable()) {
            int length = data.readUnsignedByte();
            if (length == 0 || length > data.readableBytes()) {
                return Verdict.MALFORMED;
            }
            names.add(data.readCharSequence(length, StandardCharsets.ISO_8859_1).toString());
        }
        offered.addAll(names);
        return names.contains(wanted) ? Verdict.OFFERS_WANTED : Verdict.OFFERS_OTHERS_ONLY;
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
