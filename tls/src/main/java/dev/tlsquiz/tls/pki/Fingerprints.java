package dev.tlsquiz.tls.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SHA-256 fingerprints of certificates and public keys, in the one format this project prints and
 * accepts everywhere: {@code SHA256:} followed by 64 lowercase hex digits, no separators, e.g.
 * {@code SHA256:3f0c...e1a9}.
 *
 * <ul>
 *   <li>{@link #certificate} hashes the DER certificate: the same value as
 *       {@code openssl x509 -noout -fingerprint -sha256 -in cert.pem} with the colons removed.</li>
 *   <li>{@link #publicKeyPin} hashes the DER SubjectPublicKeyInfo: it stays the same when a
 *       certificate is re-issued for the same key, as with
 *       {@code openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin -outform der | sha256sum}.</li>
 * </ul>
 *
 * {@link #normalize} also accepts the openssl spelling (upper case, colon-separated), so an operator
 * can paste either.
 */
public final class Fingerprints {

    /** The prefix of every fingerprint. */
    public static final String PREFIX = "SHA256:";

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    private Fingerprints() {
    }

    /** The SHA-256 fingerprint of the DER-encoded certificate. */
    public static String certificate(X509Certificate certificate) {
        try {
            return format(sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode certificate "
                    + certificate.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 pin of the certificate's public key (its DER SubjectPublicKeyInfo). */
    public static String publicKeyPin(X509Certificate certificate) {
        return publicKeyPin(certificate.getPublicKey());
    }

    /** The SHA-256 pin of a public key (its DER SubjectPublicKeyInfo, which {@code getEncoded()} returns). */
    public static String publicKeyPin(PublicKey publicKey) {
        return format(sha256(publicKey.getEncoded()));
    }

    /**
     * The canonical form of a fingerprint typed by a person: {@code SHA256:} (any case) then 64 hex digits,
     * any case, with or without ':' between pairs; the prefix may be left out.
     *
     * @throws IllegalArgumentException naming the expected format, for anything else
     */
    public static String normalize(String fingerprint) {
        if (fingerprint == null) {
            throw new IllegalArgumentException("fingerprint missing (expected: SHA256: followed by 64 hex digits)");
        }
        String text = fingerprint.strip();
        if (text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            text = text.substring(PREFIX.length());
        }
        String hex = text.replace(":", "").toLowerCase(Locale.ROOT);
        if (!HEX_64.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: '" + fingerprint
                    + "' (expected: SHA256: followed by 64 hex digits)");
        }
        return PREFIX + hex;
    }

    /** Whether two fingerprints are the same, ignoring case and ':' separators; false if either is malformed. */
    public static boolean matches(String fingerprintA, String fingerprintB) {
        try {
            return MessageDigest.isEqual(normalize(fingerprintA).getBytes(StandardCharsets.US_ASCII),
                    normalize(fingerprintB).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String format(byte[] digest) {
        return PREFIX + HexFormat.of().formatHex(digest);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (see MessageDigest's Javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
