package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.SubjectAltNames;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server whose chain leads to one of the given CAs (dates, key usage) and whose certificate
 * names the host connected to; when the JDK refuses, works out which of these failed.
 */
final class CaChainCheck implements ServerTrustCheck {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private final X509ExtendedTrustManager pkix;
    private final List<X509Certificate> anchors;
    private final Path caFile;

    /**
     * @param anchors the CA certificates, already read from {@code caFile}
     * @param caFile  the file they came from, named when a server's certificate is not from them
     */
    CaChainCheck(List<X509Certificate> anchors, Path caFile) {
        this.anchors = List.copyOf(anchors);
        this.caFile = Objects.requireNonNull(caFile, "caFile");
        this.pkix = TrustManagers.forAnchors(this.anchors);
    }

    @Override
    public void check(X509Certificate[] chain, String authType, SSLEngine engine, String host, int port)
            throws CertificateException {
        try {
            // Without the engine, the JDK checks the chain (CA, dates, key usage) but not the host name.
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw explainChainFailure(e, chain[0], host, port);
        }
        try {
            // With the engine, whose endpoint identification is HTTPS, it checks the host name too.
            pkix.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw new ServerCertificateRejectedException(host, port,
                    new CertificateRefusal.HostNotNamed(hostNamesOrNote(chain[0])), e);
        }
    }

    @Override
    public List<X509Certificate> acceptedIssuers() {
        return anchors;
    }

    /** Works out why the JDK refused a chain, checking the signer first, as that matters most. */
    private CertificateException explainChainFailure(CertificateException failure, X509Certificate leaf,
                                                     String host, int port) {
        return new ServerCertificateRejectedException(host, port, refusal(failure, leaf), failure);
    }

    private CertificateRefusal refusal(CertificateException failure, X509Certificate leaf) {
        if (!signedByAnchor(leaf)) {
            return new CertificateRefusal.NotSignedByTrustedCa(
                    leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()), caFile,
                    anchors.stream().map(Fingerprints::certificate).toList(), leaf.getIssuerX500Principal().getName());
        }
        Instant now = Instant.now();
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return new CertificateRefusal.Expired(leaf.getNotAfter().toInstant());
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return new CertificateRefusal.NotYetValid(leaf.getNotBefore().toInstant());
        }
        if (!allowsServerAuth(leaf)) {
            return new CertificateRefusal.NotForServers();
        }
        return new CertificateRefusal.ChainRefused(String.valueOf(failure.getMessage()));
    }

    private boolean signedByAnchor(X509Certificate leaf) {
        for (X509Certificate anchor : anchors) {
            if (!anchor.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
                continue;
            }
            try {
                leaf.verify(anchor.getPublicKey());
                return true;
            } catch (GeneralSecurityException e) {
                // Same name, other key: keep looking.
            }
        }
        return false;
    }

    private static boolean allowsServerAuth(X509Certificate leaf) {
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            return usages == null || usages.contains(SERVER_AUTH) || usages.contains(ANY_EXTENDED_KEY_USAGE);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** The host names the certificate names, or a note that they cannot be read. */
    private static List<String> hostNamesOrNote(X509Certificate certificate) {
        try {
            return SubjectAltNames.hostNames(certificate);
        } catch (IllegalArgumentException unreadable) {
            return List.of("(unreadable SAN extension)");
        }
    }
}
