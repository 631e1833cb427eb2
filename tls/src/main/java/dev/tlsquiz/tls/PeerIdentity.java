package dev.tlsquiz.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** Who the peer of a finished handshake is, as its verified certificate says. */
public final class PeerIdentity {

    private PeerIdentity() {
    }

    /**
     * The common name (CN) of the client's certificate. The engine only lets a certificate into the
     * session after the trust manager accepted it, so a name here is verified.
     *
     * @return empty when the client presented no certificate, or one without a CN
     */
    public static Optional<String> clientCommonName(SSLSession session) {
        return clientCertificate(session).flatMap(PeerIdentity::commonName);
    }

    /**
     * The client's certificate (the leaf of its chain). The engine only lets a certificate into the
     * session after the trust manager accepted it, so a certificate here is verified.
     *
     * @return empty when the client presented none
     */
    public static Optional<X509Certificate> clientCertificate(SSLSession session) {
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException noCertificate) {
            return Optional.empty();
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            return Optional.empty();
        }
        return Optional.of(leaf);
    }

    /**
     * The CN of a certificate's subject, the most specific one if there are several; empty when it has
     * none, or when its value is not a character string (RFC 2253 shows those as {@code #hex}).
     */
    public static Optional<String> commonName(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            // LdapName lists RDNs from the least specific, so the last CN is the most specific one.
            Object cn = null;
            for (Rdn rdn : name.getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    cn = rdn.getValue();
                }
            }
            return cn instanceof String text ? Optional.of(text) : Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
