package dev.tlsquiz.codec;

import java.util.List;

/** Constants of the protocol that both ends must agree on. */
public final class Protocol {

    /**
     * The protocol version this build's clients ask for in HELLO: version 2, whose PROBLEM says how
     * it is answered. The server speaks every version in {@link #SUPPORTED_VERSIONS}.
     */
    public static final int VERSION = 2;

    /**
     * The first version whose PROBLEM carries its answer format and whose VERDICT carries feedback
     * (PROTOCOL.md, "Version 2").
     */
    public static final int VERSION_2 = 2;

    /** Every version this build can speak, oldest first, for the UNSUPPORTED_VERSION error text. */
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(1, VERSION_2);

    /** The ALPN protocol id; a TLS client that offers ALPN must offer this one. */
    public static final String ALPN_ID = "tlsquiz/1";

    /** The TCP port a server listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 26062;

    private Protocol() {
    }
}
