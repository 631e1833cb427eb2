package dev.tlsquiz.tls.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Hand-made TLS ClientHellos and their framing into records, for tests that need a hello no real
 * client would send: cut into tiny records, padded to a given size, or offering chosen ALPN ids.
 *
 * <p>Wire format (RFC 8446 4.1.2, 5.1): records of {@code type(1)=22, legacy_record_version(2),
 * length(2), fragment}; the fragments joined hold {@code msg_type(1)=1, length(3), body}.
 */
public final class ClientHellos {

    /** The record and handshake headers: what a hello costs on the wire besides its body. */
    public static final int RECORD_HEADER_BYTES = 5;
    public static final int HANDSHAKE_HEADER_BYTES = 4;

    /** legacy_version(2) + random(32) + session_id(1) + cipher_suites(4) + compression_methods(2). */
    private static final int FIXED_BODY_BYTES = 41;

    private ClientHellos() {
    }

    /** A ClientHello message (handshake header included) offering {@code alpn}; none: no ALPN extension. */
    public static ByteBuf message(String... alpn) {
        ByteBuf extensions = Unpooled.buffer();
        extensions.writeShort(0x000a).writeShort(4).writeShort(2).writeShort(0x001d); // supported_groups: x25519
        if (alpn.length > 0) {
            ByteBuf list = Unpooled.buffer();
            for (String name : alpn) {
                list.writeByte(name.length()).writeCharSequence(name, StandardCharsets.US_ASCII);
            }
            extensions.writeShort(16).writeShort(list.readableBytes() + 2).writeShort(list.readableBytes());
            extensions.writeBytes(list);
            list.release();
        }
        ByteBuf message = header(FIXED_BODY_BYTES + 2 + extensions.readableBytes());
        message.writeShort(extensions.readableBytes()).writeBytes(extensions);
        extensions.release();
        return message;
    }

    /**
     * A TLS 1.3 ClientHello message that offers X25519 but sends no key share for it, so that a server
     * answers with a HelloRetryRequest and waits for a second ClientHello.
     */
    public static ByteBuf withoutKeyShare() {
        ByteBuf extensions = Unpooled.buffer();
        extensions.writeShort(43).writeShort(3).writeByte(2).writeShort(0x0304);         // supported_versions: TLS 1.3
        extensions.writeShort(10).writeShort(4).writeShort(2).writeShort(0x001d);        // supported_groups: x25519
        extensions.writeShort(51).writeShort(2).writeShort(0);                           // key_share: none
        extensions.writeShort(13).writeShort(6).writeShort(4)
                .writeShort(0x0403).writeShort(0x0804);                                  // signature_algorithms
        ByteBuf message = header(FIXED_BODY_BYTES + 2 + extensions.readableBytes());
        message.writeShort(extensions.readableBytes()).writeBytes(extensions);
        extensions.release();
        return message;
    }

    /** The smallest ClientHello message: no extensions at all (so no ALPN), 45 bytes. */
    public static ByteBuf minimal() {
        return header(FIXED_BODY_BYTES);
    }

    /** A ClientHello message of exactly {@code bodyLength} body bytes, filled by a padding extension (RFC 7685). */
    public static ByteBuf padded(int bodyLength) {
        int extensions = bodyLength - FIXED_BODY_BYTES - 2;
        if (extensions < 4) {
            throw new IllegalArgumentException("bodyLength: " + bodyLength + " (expected: >= " + (FIXED_BODY_BYTES + 6)
                    + ")");
        }
        ByteBuf message = header(bodyLength);
        message.writeShort(extensions);
        message.writeShort(21).writeShort(extensions - 4).writeZero(extensions - 4);
        return message;
    }

    /** The handshake header and the fixed part of the body, up to the extensions. */
    private static ByteBuf header(int bodyLength) {
        ByteBuf message = Unpooled.buffer();
        message.writeByte(1).writeMedium(bodyLength);   // msg_type client_hello, length
        message.writeShort(0x0303).writeZero(32);        // legacy_version, random
        message.writeByte(0);                            // session_id: empty
        message.writeShort(2).writeShort(0x1301);        // cipher_suites: TLS_AES_128_GCM_SHA256
        message.writeByte(1).writeByte(0);               // compression_methods: null
        return message;
    }

    /** {@code message} framed in handshake records of at most {@code fragment} bytes each; releases {@code message}. */
    public static ByteBuf records(ByteBuf message, int fragment) {
        ByteBuf wire = Unpooled.buffer();
        while (message.isReadable()) {
            int length = Math.min(fragment, message.readableBytes());
            wire.writeByte(22).writeShort(0x0301).writeShort(length).writeBytes(message, length);
        }
        message.release();
        return wire;
    }

    /**
     * The handshake messages inside {@code wire}, a run of whole handshake records (as a client's
     * first flight is), joined without their record headers; leaves {@code wire} alone.
     */
    public static ByteBuf payload(ByteBuf wire) {
        ByteBuf joined = Unpooled.buffer();
        int offset = wire.readerIndex();
        while (offset < wire.writerIndex()) {
            int length = wire.getUnsignedShort(offset + 3);
            joined.writeBytes(wire, offset + RECORD_HEADER_BYTES, length);
            offset += RECORD_HEADER_BYTES + length;
        }
        return joined;
    }
}
