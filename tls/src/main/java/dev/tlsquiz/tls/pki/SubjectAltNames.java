package dev.tlsquiz.tls.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Reads a certificate's subject alternative names: the one place that knows how the JDK reports them
 * (a list of {@code [tag, value]} pairs, the tags being RFC 5280's {@link GeneralName} choices).
 */
public final class SubjectAltNames {

    /**
     * One alternative name.
     *
     * @param tag   its {@link GeneralName} choice, e.g. {@link GeneralName#dNSName}
     * @param value its value as the JDK gives it: text for names and addresses, the DER bytes' string otherwise
     */
    public record Entry(int tag, String value) {

        /** Whether it names a host: a DNS name or an IP address, what TLS host name checks match. */
        public boolean isHostName() {
            return tag == GeneralName.dNSName || tag == GeneralName.iPAddress;
        }
    }

    private SubjectAltNames() {
    }

    /** Every entry of the extension, in order; empty when there is none. */
    public static List<Entry> entries(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        List<Entry> result = new ArrayList<>();
        if (entries != null) {
            for (List<?> entry : entries) {
                result.add(new Entry((Integer) entry.get(0), String.valueOf(entry.get(1))));
            }
        }
        return result;
    }

    /**
     * The DNS names and IP addresses, in order.
     *
     * @throws IllegalArgumentException when the extension cannot be read
     */
    public static List<String> hostNames(X509Certificate certificate) {
        try {
            return entries(certificate).stream().filter(Entry::isHostName).map(Entry::value).toList();
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("unreadable subject alternative names in "
                    + certificate.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }
}
