package dev.tlsquiz.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks client certificates: first the PKIX chain to the client CA, then the CRL. Used by both
 * providers (Netty hands BoringSSL's verify callback to a Java trust manager), so a revoked client is
 * refused in the handshake either way.
 *
 * <p>Every refusal is a {@link ClientCertificateRefusedException} that says what happened and to whom,
 * for the server's log. The alert the client receives: on OpenSSL the refusal carries the OpenSSL verify
 * error that fits ({@link OpenSslVerifyErrors}), so BoringSSL sends {@code certificate_revoked}, {@code
 * unknown_ca}, {@code certificate_expired} or {@code bad_certificate} (without it, a certificate from a
 * foreign CA went out as {@code internal_error}). The JDK's server handshake answers any trust-manager
 * refusal with {@code certificate_unknown} ({@code sun.security.ssl.CertificateMessage}); nothing a trust
 * manager throws changes that.
 *
 * <p>Server side only: the server-certificate methods refuse everything.
 */
final class RevocationCheckingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;
    private final X509CRL crl;
    private final boolean openSsl;

    /**
     * @param pkix    the PKIX trust manager for the client CA
     * @param crl     the client CA's CRL, its signature already verified; {@code null}: nothing revoked
     * @param openSsl whether the engines are BoringSSL ones, whose refusals get OpenSSL verify error codes
     */
    RevocationCheckingTrustManager(X509ExtendedTrustManager pkix, X509CRL crl, boolean openSsl) {
        this.pkix = pkix;
        this.crl = crl;
        this.openSsl = openSsl;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, () -> pkix.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, () -> pkix.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> pkix.checkClientTrusted(chain, authType));
    }

    /** One of the PKIX trust manager's checks. */
    private interface PkixCheck {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, PkixCheck pkixCheck) throws CertificateException {
        try {
            pkixCheck.run();
        } catch (CertificateException failure) {
            throw refusal(ClientCertificateRefusedException.fromPkix(chain[0], failure));
        }
        checkNotRevoked(chain);
    }

    private void checkNotRevoked(X509Certificate[] chain) throws CertificateException {
        if (crl == null) {
            return;
        }
        X509CRLEntry entry = crl.getRevokedCertificate(chain[0]);
        if (entry != null) {
            throw refusal(ClientCertificateRefusedException.revoked(chain[0], entry));
        }
    }

    private CertificateException refusal(ClientCertificateRefusedException refusal) {
        return openSsl ? OpenSslVerifyErrors.withVerifyError(refusal) : refusal;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager only checks client certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager only checks client certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
