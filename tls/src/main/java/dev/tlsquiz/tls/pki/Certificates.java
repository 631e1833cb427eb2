package dev.tlsquiz.tls.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Small X.509 questions the development PKI asks: who signed a certificate, which names it lacks. */
public final class Certificates {

    private Certificates() {
    }

    /** Whether {@code certificate} carries a signature of {@code issuer}'s key. */
    public static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The names in {@code wanted} that {@code certificate}'s DNS and IP alternative names do not cover,
     * in order; names are compared in one spelling each (see {@link #normalizedName}).
     */
    public static List<String> namesNotCovered(X509Certificate certificate, List<String> wanted) {
        Set<String> covered = SubjectAltNames.hostNames(certificate).stream()
                .map(Certificates::normalizedName).collect(Collectors.toSet());
        return wanted.stream().filter(name -> !covered.contains(normalizedName(name))).toList();
    }

    /** One spelling per name: lower-case host names, canonical IP addresses (::1 and 0:0:0:0:0:0:0:1 are equal). */
    static String normalizedName(String name) {
        if (CertificateRequest.isIpLiteral(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress();
            } catch (UnknownHostException e) {
                return name;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
