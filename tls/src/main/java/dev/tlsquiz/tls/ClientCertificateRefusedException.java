package dev.tlsquiz.tls;

import dev.tlsquiz.text.LogText;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The server refused a client certificate, and why, in one line for the operator's log: {@code revoked
 * client certificate: CN=ada serial 1f3a (revoked 2025-03-01T09:12:00Z)}. The certificate's names are
 * chosen by whoever made it, so they reach the message only through {@link LogText#value}.
 *
 * <p>Thrown by the server's trust manager; it travels as the cause of the engine's handshake exception,
 * where {@link ServerHandshakeFailure#classify} finds it.
 */
public final class ClientCertificateRefusedException extends CertificateException {

    private static final long serialVersionUID = 1L;

    /** Why the certificate was refused; each maps to the TLS alert that says so, where the provider lets us. */
    public enum Reason {
        /** The client CA's CRL lists it: {@code certificate_revoked}. */
        REVOKED,
        /** No chain from it to the client CA: {@code unknown_ca}. */
        NOT_FROM_CLIENT_CA,
        /** Past its notAfter (or a certificate of its chain is): {@code certificate_expired}. */
        EXPIRED,
        /** Before its notBefore: {@code bad_certificate}. */
        NOT_YET_VALID,
        /** Anything else PKIX refuses (a wrong key usage, a broken signature): {@code bad_certificate}. */
        INVALID
    }

    private final Reason reason;

    private ClientCertificateRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@code certificate} is on the CRL, as {@code entry} says. */
    static ClientCertificateRefusedException revoked(X509Certificate certificate, X509CRLEntry entry) {
        return new ClientCertificateRefusedException(Reason.REVOKED, "revoked client certificate: "
                + identify(certificate) + " (revoked " + entry.getRevocationDate().toInstant() + ")", null);
    }

    /** PKIX refused {@code certificate} (the chain's first) with {@code failure}: says what it means. */
    static ClientCertificateRefusedException fromPkix(X509Certificate certificate, CertificateException failure) {
        Reason reason = reasonOf(failure);
        String what = switch (reason) {
            case NOT_FROM_CLIENT_CA -> "client certificate not issued by the client CA: " + identify(certificate)
                    + ", issuer " + LogText.value(certificate.getIssuerX500Principal().getName());
            case EXPIRED -> "client certificate expired: " + identify(certificate) + ", valid until "
                    + certificate.getNotAfter().toInstant();
            case NOT_YET_VALID -> "client certificate not valid yet: " + identify(certificate) + ", valid from "
                    + certificate.getNotBefore().toInstant();
            default -> "client certificate refused: " + identify(certificate) + ": "
                    + LogText.value(String.valueOf(failure.getMessage()));
        };
        return new ClientCertificateRefusedException(reason, what, failure);
    }

    public Reason reason() {
        return reason;
    }

    private static Reason reasonOf(CertificateException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return Reason.EXPIRED;
            }
            if (t instanceof CertificateNotYetValidException) {
                return Reason.NOT_YET_VALID;
            }
            // Path building finds no chain to an anchor; validation of a given chain may end the same way.
            if (t instanceof CertPathBuilderException || (t instanceof CertPathValidatorException invalid
                    && invalid.getReason() == PKIXReason.NO_TRUST_ANCHOR)) {
                return Reason.NOT_FROM_CLIENT_CA;
            }
        }
        return Reason.INVALID;
    }

    /** {@code CN=ada serial 1f3a}: the name players go by, and the serial the CRL and {@code certs show} use. */
    private static String identify(X509Certificate certificate) {
        String name = PeerIdentity.commonName(certificate).map(cn -> "CN=" + LogText.value(cn))
                .orElseGet(() -> "subject " + LogText.value(certificate.getSubjectX500Principal().getName()));
        return name + " serial " + LogText.value(certificate.getSerialNumber().toString(16));
    }
}
