package dev.tlsquiz.tls;

import java.net.Socket;
import java.security.cert.CRLReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks client certificates: first the PKIX chain to the client CA, then the CRL. Used by both
 * providers (Netty hands BoringSSL's verify callback to a Java trust manager), so a revoked client is
 * refused in the handshake either way; throwing {@link CertificateRevokedException} makes both send a
 * {@code certificate_revoked} alert.
 *
 * <p>Server side only: the server-certificate methods refuse everything.
 */
final class RevocationCheckingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;
    private final X509CRL crl;

    /**
     * @param pkix the PKIX trust manager for the client CA
     * @param crl  the client CA's CRL, its signature already verified; {@code null}: nothing revoked
     */
    RevocationCheckingTrustManager(X509ExtendedTrustManager pkix, X509CRL crl) {
        this.pkix = pkix;
        this.crl = crl;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        pkix.checkClientTrusted(chain, authType, engine);
        checkNotRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        pkix.checkClientTrusted(chain, authType, socket);
        checkNotRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkClientTrusted(chain, authType);
        checkNotRevoked(chain);
    }

    private void checkNotRevoked(X509Certificate[] chain) throws CertificateRevokedException {
        if (crl == null) {
            return;
        }
        X509CRLEntry entry = crl.getRevokedCertificate(chain[0]);
        if (entry != null) {
            Date when = entry.getRevocationDate();
            CRLReason reason = entry.getRevocationReason() == null ? CRLReason.UNSPECIFIED
                    : entry.getRevocationReason();
            throw new CertificateRevokedException(when, reason, crl.getIssuerX500Principal(), Map.of());
        }
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
