package dev.tlsquiz.tls;

import io.netty.handler.ssl.OpenSslCertificateException;
import io.netty.internal.tcnative.CertificateVerifier;
import java.security.cert.CertificateException;

/**
 * Gives a refusal from {@link ServerCertificateVerifier} (client side) or {@link
 * RevocationCheckingTrustManager} (server side) the OpenSSL verify error that matches it, so BoringSSL
 * sends the peer a telling alert ({@code certificate_revoked}, {@code certificate_expired}, {@code
 * unknown_ca}, {@code bad_certificate}) instead of {@code internal_error}. The original exception stays
 * the cause, where {@link HandshakeFailure#classify} and {@link ServerHandshakeFailure#classify} find it.
 * Only loaded for the OpenSSL provider: the error codes come from the native library.
 */
final class OpenSslVerifyErrors {

    private OpenSslVerifyErrors() {
    }

    static CertificateException withVerifyError(CertificateException refusal) {
        return new OpenSslCertificateException(refusal.getMessage(), refusal, errorCode(refusal));
    }

    private static int errorCode(CertificateException refusal) {
        if (refusal instanceof ClientCertificateRefusedException clientRefusal) {
            return errorCode(clientRefusal.reason());
        }
        if (!(refusal instanceof ServerCertificateRejectedException)) {
            // Unknown or changed key (trust on first use), or an unreadable known_hosts file.
            return CertificateVerifier.X509_V_ERR_CERT_UNTRUSTED;
        }
        switch (((ServerCertificateRejectedException) refusal).kind()) {
            case EXPIRED:
                return CertificateVerifier.X509_V_ERR_CERT_HAS_EXPIRED;
            case NOT_YET_VALID:
                return CertificateVerifier.X509_V_ERR_CERT_NOT_YET_VALID;
            case HOSTNAME_MISMATCH:
                return CertificateVerifier.X509_V_ERR_HOSTNAME_MISMATCH;
            case NOT_A_SERVER_CERTIFICATE:
                return CertificateVerifier.X509_V_ERR_INVALID_PURPOSE;
            case PIN_MISMATCH:
                return CertificateVerifier.X509_V_ERR_CERT_REJECTED;
            default:
                return CertificateVerifier.X509_V_ERR_CERT_UNTRUSTED;
        }
    }

    /** The verify error BoringSSL turns into the alert a {@link ClientCertificateRefusedException.Reason} deserves. */
    private static int errorCode(ClientCertificateRefusedException.Reason reason) {
        return switch (reason) {
            case REVOKED -> CertificateVerifier.X509_V_ERR_CERT_REVOKED;
            case NOT_FROM_CLIENT_CA -> CertificateVerifier.X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY;
            case EXPIRED -> CertificateVerifier.X509_V_ERR_CERT_HAS_EXPIRED;
            case NOT_YET_VALID -> CertificateVerifier.X509_V_ERR_CERT_NOT_YET_VALID;
            case INVALID -> CertificateVerifier.X509_V_ERR_CERT_REJECTED;
        };
    }
}
