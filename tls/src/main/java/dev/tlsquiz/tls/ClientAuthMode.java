package dev.tlsquiz.tls;

import io.netty.handler.ssl.ClientAuth;

/** Whether a server asks clients for a certificate (mutual TLS). */
public enum ClientAuthMode {
    /** No client certificate is requested. */
    NONE(ClientAuth.NONE),
    /** A client certificate is requested; a client without one is let in, a bad one is refused. */
    OPTIONAL(ClientAuth.OPTIONAL),
    /** Every client must present a certificate signed by the client CA and not revoked. */
    REQUIRE(ClientAuth.REQUIRE);

    private final ClientAuth nettyValue;

    ClientAuthMode(ClientAuth nettyValue) {
        this.nettyValue = nettyValue;
    }

    ClientAuth nettyValue() {
        return nettyValue;
    }
}
