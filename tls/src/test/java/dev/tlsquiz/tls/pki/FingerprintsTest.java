package dev.tlsquiz.tls.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.OpenSsl;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintsTest {

    private static final CertificateAuthority CA = CertificateAuthority.create("fingerprint CA", Duration.ofDays(1));
    private static final String HEX = "3f0c5e7a9b1d2c4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4e1a9";

    @TempDir
    Path dir;

    @Test
    void certificate_thenSha256OfDerInTheDocumentedFormat() throws Exception {
        X509Certificate cert = CA.certificate();

        String fingerprint = Fingerprints.certificate(cert);

        assertTrue(fingerprint.matches("SHA256:[0-9a-f]{64}"), fingerprint);
        assertEquals("SHA256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(cert.getEncoded())), fingerprint);
    }

    @Test
    void publicKeyPin_thenSha256OfSubjectPublicKeyInfoAndSameForTheKey() throws Exception {
        X509Certificate cert = CA.certificate();

        String pin = Fingerprints.publicKeyPin(cert);

        assertEquals(pin, Fingerprints.publicKeyPin(cert.getPublicKey()));
        assertEquals("SHA256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded())), pin);
        assertNotEquals(Fingerprints.certificate(cert), pin);
    }

    @Test
    void normalize_whenOpensslSpellingOrNoPrefix_thenCanonical() {
        String opensslStyle = "sha256:" + HEX.toUpperCase(Locale.ROOT).replaceAll("(..)(?!$)", "$1:");

        assertEquals("SHA256:" + HEX, Fingerprints.normalize(opensslStyle));
        assertEquals("SHA256:" + HEX, Fingerprints.normalize(HEX));
        assertEquals("SHA256:" + HEX, Fingerprints.normalize("  SHA256:" + HEX + "\n"));
    }

    @Test
    void normalize_whenMalformed_thenSaysTheExpectedFormat() {
        for (String bad : List.of("", "SHA256:", "SHA1:" + HEX, "SHA256:" + HEX.substring(2), "SHA256:" + HEX + "00",
                "SHA256:" + HEX.replace('a', 'g'), "MD5:" + HEX)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Fingerprints.normalize(bad), bad);
            assertEquals("not a SHA-256 fingerprint: '" + bad + "' (expected: SHA256: followed by 64 hex digits)",
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Fingerprints.normalize(null));
    }

    @Test
    void matches_thenIgnoresCaseAndColonsButNotContent() {
        String upperWithColons = "SHA256:" + HEX.toUpperCase(Locale.ROOT).replaceAll("(..)(?!$)", "$1:");

        assertTrue(Fingerprints.matches("SHA256:" + HEX, upperWithColons));
        assertFalse(Fingerprints.matches("SHA256:" + HEX, "SHA256:" + HEX.replace('3', '4')));
        assertFalse(Fingerprints.matches("SHA256:" + HEX, "garbage"));
    }

    @Test
    void certificate_thenEqualsOpensslFingerprint() throws Exception {
        OpenSsl.assumeAvailable();
        X509Certificate cert = CA.issueServerCertificate(List.of("localhost"), Duration.ofDays(1)).certificate();
        Path file = dir.resolve("server.pem");
        Pem.writeCertificate(file, cert);

        OpenSsl.Result result = OpenSsl.run("x509", "-noout", "-fingerprint", "-sha256", "-in", file.toString());

        assertEquals(0, result.exitCode(), result.output());
        // e.g. "sha256 Fingerprint=AB:CD:..." (openssl 3) or "SHA256 Fingerprint=..." (1.1)
        String opensslValue = result.output().strip().substring(result.output().indexOf('=') + 1);
        assertTrue(Fingerprints.matches(Fingerprints.certificate(cert), opensslValue), result.output());
        assertEquals(Fingerprints.certificate(cert), Fingerprints.normalize(opensslValue));
    }

    @Test
    void publicKeyPin_thenEqualsOpensslDigestOfThePublicKey() throws Exception {
        OpenSsl.assumeAvailable();
        X509Certificate cert = CA.certificate();
        Path certFile = dir.resolve("ca.pem");
        Path publicKey = dir.resolve("ca.pub.pem");
        Path der = dir.resolve("ca.pub.der");
        Pem.writeCertificate(certFile, cert);
        assertEquals(0, OpenSsl.run("x509", "-in", certFile.toString(), "-pubkey", "-noout",
                "-out", publicKey.toString()).exitCode());
        assertEquals(0, OpenSsl.run("pkey", "-pubin", "-in", publicKey.toString(), "-outform", "der",
                "-out", der.toString()).exitCode());

        OpenSsl.Result digest = OpenSsl.run("dgst", "-sha256", "-r", der.toString());

        assertEquals(0, digest.exitCode(), digest.output());
        assertEquals(Fingerprints.publicKeyPin(cert), "SHA256:" + digest.output().substring(0, 64));
    }
}
