package dev.tlsquiz.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;

/**
 * One way of deciding whether a server's certificate is trusted: a CA chain ({@link CaChainCheck}), a
 * pin ({@link PinCheck}), or the system store then known hosts ({@link KnownHostsCheck}), combined by
 * {@link CombinedCheck} where a pin applies on top of a chain. {@link ServerCertificateVerifier} holds one.
 */
interface ServerTrustCheck {

    /**
     * Returns when the server is trusted; otherwise throws why.
     *
     * @param chain  the server's chain, leaf first, never empty
     * @param engine the connection's engine, which knows the host and port connected to
     * @param host   the host connected to, never null
     * @param port   its port
     */
    void check(X509Certificate[] chain, String authType, SSLEngine engine, String host, int port)
            throws CertificateException;

    /** The CA certificates this check trusts, for {@code getAcceptedIssuers}; empty when none. */
    List<X509Certificate> acceptedIssuers();
}
