package dev.tlsquiz.codec;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * The protocol version a connection speaks, kept as a channel attribute so that the shared,
 * stateless {@link QuizMessageDecoder} and {@link QuizMessageEncoder} read and write each message
 * in its connection's version. Until the handshake sets it, a connection speaks {@link #DEFAULT}.
 *
 * <p>The server sets it when it accepts a HELLO, the client when it receives WELCOME. HELLO and
 * WELCOME themselves are read before it is set, which is why their layout is the same in every
 * version. The attribute is read and written on the channel's event loop.
 */
public final class NegotiatedVersion {

    /** The version of a connection whose handshake has not set one: version 1. */
    public static final int DEFAULT = 1;

    private static final AttributeKey<Integer> KEY =
            AttributeKey.valueOf(NegotiatedVersion.class, "protocolVersion");

    private NegotiatedVersion() {
    }

    /** The version {@code channel} speaks: the one its handshake set, else {@link #DEFAULT}. */
    public static int of(Channel channel) {
        Integer version = channel.attr(KEY).get();
        return version != null ? version : DEFAULT;
    }

    /** Whether the handshake has set {@code channel}'s version (else it speaks {@link #DEFAULT}). */
    public static boolean isNegotiated(Channel channel) {
        return channel.hasAttr(KEY) && channel.attr(KEY).get() != null;
    }

    /**
     * Records the version the handshake settled on: on the server the HELLO's, once checked against
     * {@link Protocol#SUPPORTED_VERSIONS}; on the client the one WELCOME names.
     *
     * @throws IllegalArgumentException for a value outside a u16
     */
    public static void set(Channel channel, int version) {
        channel.attr(KEY).set(Fields.u16("version", version));
    }
}
