package dev.tlsquiz.codec;

import java.util.List;

/** Constants of the protocol that both ends must agree on. */
public final class Protocol {

    /** The protocol version this build speaks. */
    public static final int VERSION = 1;

    /** Every version this build can speak, for the UNSUPPORTED_VERSION error text. */
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(VERSION);

    /** The ALPN protocol id; a TLS client that offers ALPN must offer this one. */
    public static final String ALPN_ID = "tlsquiz/1";

    /** The TCP port a server listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 26062;

    private Protocol() {
    }
}
