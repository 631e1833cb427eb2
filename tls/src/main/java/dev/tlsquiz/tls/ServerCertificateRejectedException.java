package dev.tlsquiz.tls;

import java.security.cert.CertificateException;
import java.util.Objects;

/**
 * The client's trust manager refused the server's certificate. It carries the reason as a
 * {@link CertificateRefusal}, with the facts worked out where the certificate and host are at hand, so
 * that they survive the trip through either TLS provider; the client's command line writes the sentence.
 */
public final class ServerCertificateRejectedException extends CertificateException {

    private final String host;
    private final int port;
    private final CertificateRefusal refusal;

    public ServerCertificateRejectedException(String host, int port, CertificateRefusal refusal, Throwable cause) {
        super("the server certificate of " + KnownHosts.entryKey(host, port) + " was refused: " + refusal, cause);
        this.host = host;
        this.port = port;
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    /** The host connected to. */
    public String host() {
        return host;
    }

    /** Its port. */
    public int port() {
        return port;
    }

    /** Why the certificate was refused, with its facts. */
    public CertificateRefusal refusal() {
        return refusal;
    }

    /** Why the certificate was refused, as a kind. */
    public HandshakeFailure.Kind kind() {
        return refusal.kind();
    }
}
