package dev.tlsquiz.tls;

import java.security.cert.CertificateException;

/**
 * The client's trust manager refused the server's certificate. It carries the reason as a
 * {@link HandshakeFailure.Kind} and a one-line message for the user, worked out where the certificate
 * and host are at hand, so that the reason survives the trip through either TLS provider.
 */
public final class ServerCertificateRejectedException extends CertificateException {

    private final HandshakeFailure.Kind kind;

    ServerCertificateRejectedException(HandshakeFailure.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Why the certificate was refused. */
    public HandshakeFailure.Kind kind() {
        return kind;
    }
}
