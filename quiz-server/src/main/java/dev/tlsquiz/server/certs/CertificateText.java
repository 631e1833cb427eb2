package dev.tlsquiz.server.certs;

import dev.tlsquiz.text.TerminalText;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.PemException;
import dev.tlsquiz.tls.pki.SubjectAltNames;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.x509.GeneralName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificates and CRLs as the text {@code quiz-server certs show} prints: one {@code label: value} per
 * line, indented under a heading, so a person can read it and a script can grep it. Times are UTC.
 * Names from the certificate (and file names) show control characters as visible escapes
 * ({@code \x1b}), never raw.
 *
 * <pre>
 * certs/server.pem: certificate 1 of 1
 *   subject:      CN=localhost
 *   issuer:       CN=tlsquiz development CA
 *   serial:       5f3a...                      (hex)
 *   names:        DNS:localhost, IP:127.0.0.1, IP:0:0:0:0:0:0:0:1
 *   purpose:      serverAuth
 *   key usage:    digitalSignature
 *   CA:           no
 *   key:          EC secp256r1
 *   valid from:   2026-11-24 18:20:00 UTC
 *   valid until:  2027-02-22 18:25:00 UTC (89 days left)
 *   fingerprint:  SHA256:...                   (of the certificate; --pin style)
 *   key pin:      SHA256:...                   (of the public key; survives re-issuing with the same key)
 * </pre>
 */
final class CertificateText {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateText.class);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String[] KEY_USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    private static final Map<String, String> KEY_PURPOSES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "any");

    private CertificateText() {
    }

    /** The lines describing {@code certificate}, each {@code label: value}, without the heading. */
    static List<String> describe(X509Certificate certificate, Instant now) {
        List<String> lines = new ArrayList<>();
        line(lines, "subject", certificate.getSubjectX500Principal().getName());
        line(lines, "issuer", certificate.getIssuerX500Principal().getName());
        line(lines, "serial", hex(certificate.getSerialNumber()));
        line(lines, "names", names(certificate));
        line(lines, "purpose", purposes(certificate));
        line(lines, "key usage", keyUsages(certificate));
        int pathLength = certificate.getBasicConstraints();
        line(lines, "CA", pathLength < 0 ? "no"
                : pathLength == Integer.MAX_VALUE ? "yes" : "yes (path length " + pathLength + ")");
        line(lines, "key", keyDescription(certificate.getPublicKey()));
        line(lines, "valid from", time(certificate.getNotBefore()));
        line(lines, "valid until", time(certificate.getNotAfter()) + " (" + remaining(certificate, now) + ")");
        line(lines, "fingerprint", Fingerprints.certificate(certificate));
        line(lines, "key pin", Fingerprints.publicKeyPin(certificate));
        return lines;
    }

    /** The lines describing {@code crl}; {@code names} maps serials to player names where known. */
    static List<String> describe(X509CRL crl, Map<BigInteger, String> names, Instant now) {
        List<String> lines = new ArrayList<>();
        line(lines, "issuer", crl.getIssuerX500Principal().getName());
        line(lines, "this update", time(crl.getThisUpdate()));
        Date nextUpdate = crl.getNextUpdate();
        line(lines, "next update", nextUpdate == null ? "(none)"
                : time(nextUpdate) + " (" + untilNextUpdate(nextUpdate.toInstant(), now) + ")");
        Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
        List<X509CRLEntry> sorted = entries == null ? List.of() : entries.stream()
                .sorted(Comparator.comparing(X509CRLEntry::getRevocationDate)
                        .thenComparing(X509CRLEntry::getSerialNumber))
                .map(X509CRLEntry.class::cast)
                .toList();
        line(lines, "revoked", String.valueOf(sorted.size()));
        for (X509CRLEntry entry : sorted) {
            String name = names.get(entry.getSerialNumber());
            lines.add("    " + hex(entry.getSerialNumber()) + "  revoked " + time(entry.getRevocationDate())
                    + (name == null ? "" : "  (" + TerminalText.sanitize(name) + ")"));
        }
        return lines;
    }

    /** A date as {@code yyyy-MM-dd} (UTC), for one-line messages. */
    static String day(Date date) {
        return day(date.toInstant());
    }

    /** The UTC day of {@code instant}, e.g. {@code 2026-03-01}. */
    static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    static String hex(BigInteger serial) {
        return serial.toString(16);
    }

    /**
     * One {@code label: value} line. The value may come from the certificate itself, whose names its
     * issuer chose freely: it passes through {@link TerminalText}, so names holding escape sequences
     * cannot redraw the output or hide the fingerprints below them.
     */
    private static void line(List<String> lines, String label, String value) {
        lines.add(String.format("  %-13s %s", label + ":", TerminalText.sanitize(value)));
    }

    private static String time(Date date) {
        return TIME.format(date.toInstant());
    }

    private static String remaining(X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isBefore(notBefore)) {
            return "NOT YET VALID: starts in " + days(Duration.between(now, notBefore));
        }
        if (!now.isBefore(notAfter)) {
            return "EXPIRED " + days(Duration.between(notAfter, now)) + " ago";
        }
        return days(Duration.between(now, notAfter)) + " left";
    }

    private static String untilNextUpdate(Instant nextUpdate, Instant now) {
        if (!now.isBefore(nextUpdate)) {
            return "OUT OF DATE since " + days(Duration.between(nextUpdate, now))
                    + "; a server running on this folder signs it again on start";
        }
        return days(Duration.between(now, nextUpdate)) + " left";
    }

    private static String days(Duration duration) {
        long days = duration.toDays();
        if (days == 0) {
            long hours = duration.toHours();
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return days == 1 ? "1 day" : days + " days";
    }

    private static String names(X509Certificate certificate) {
        List<SubjectAltNames.Entry> entries;
        try {
            entries = SubjectAltNames.entries(certificate);
        } catch (CertificateParsingException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
        if (entries.isEmpty()) {
            return "(none)";
        }
        List<String> names = new ArrayList<>();
        for (SubjectAltNames.Entry entry : entries) {
            String prefix = switch (entry.tag()) {
                case GeneralName.rfc822Name -> "email:";
                case GeneralName.dNSName -> "DNS:";
                case GeneralName.uniformResourceIdentifier -> "URI:";
                case GeneralName.iPAddress -> "IP:";
                default -> "type" + entry.tag() + ":";
            };
            names.add(prefix + entry.value());
        }
        return String.join(", ", names);
    }

    private static String purposes(X509Certificate certificate) {
        try {
            List<String> oids = certificate.getExtendedKeyUsage();
            if (oids == null) {
                return "(any: no extended key usage)";
            }
            return String.join(", ", oids.stream().map(oid -> KEY_PURPOSES.getOrDefault(oid, oid)).toList());
        } catch (CertificateParsingException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String keyUsages(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        if (bits == null) {
            return "(any: no key usage)";
        }
        List<String> usages = new ArrayList<>();
        for (int i = 0; i < bits.length && i < KEY_USAGES.length; i++) {
            if (bits[i]) {
                usages.add(KEY_USAGES[i]);
            }
        }
        return String.join(", ", usages);
    }

    private static String keyDescription(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            // e.g. "secp256r1 [NIST P-256, X9.62 prime256v1] (1.2.840.10045.3.1.7)": its first word is the curve.
            String curve = ec.getParams().toString().split(" ")[0];
            return "EC " + curve;
        }
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        return key.getAlgorithm();
    }

    /** The serial-to-name map of every readable client certificate of {@code pki}, to name CRL entries. */
    static Map<BigInteger, String> clientNames(DevPki pki) throws IOException {
        Map<BigInteger, String> names = new HashMap<>();
        if (!Files.isDirectory(pki.clientsDir())) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pki.clientsDir(), "*.pem")) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                try {
                    names.put(Pem.readCertificate(file).getSerialNumber(),
                            fileName.substring(0, fileName.length() - ".pem".length()));
                } catch (PemException e) {
                    // A damaged file only means its serial shows without a name.
                    LOG.debug("Not naming CRL entries from {}: {}", file, e.getMessage());
                }
            }
        }
        return names;
    }
}
