package dev.tlsquiz.tls.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.OpenSsl;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

    private static final CertificateAuthority CA = CertificateAuthority.create("pem CA", Duration.ofDays(1));

    @TempDir
    Path dir;

    @Test
    void certificate_whenWrittenAndRead_thenEqual() throws Exception {
        IssuedCertificate server = CA.issueServerCertificate(List.of("localhost"), Duration.ofDays(1));
        Path file = dir.resolve("chain.pem");

        Pem.writeCertificate(file, server.certificate(), CA.certificate());

        assertEquals(List.of(server.certificate(), CA.certificate()), Pem.readCertificates(file));
        assertEquals(server.certificate(), Pem.readCertificate(file));
        assertTrue(Files.readString(file).startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void privateKey_whenWrittenAndRead_thenEqualAndPkcs8() throws Exception {
        PrivateKey key = CertificateAuthority.generateKeyPair().getPrivate();
        Path file = dir.resolve("server.key");

        Pem.writePrivateKey(file, key);

        assertArrayEquals(key.getEncoded(), Pem.readPrivateKey(file).getEncoded());
        String text = Files.readString(file);
        assertTrue(text.startsWith("-----BEGIN PRIVATE KEY-----\n"), text.lines().findFirst().orElse(""));
    }

    @Test
    void readPrivateKey_whenSec1EcPrivateKey_thenReads() throws Exception {
        KeyPair pair = CertificateAuthority.generateKeyPair();
        // The SEC1 form openssl ecparam writes: an ECPrivateKey that names its curve.
        PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
        ECPrivateKey sec1 = new ECPrivateKey(256, inner.getKey(), pkcs8.getPrivateKeyAlgorithm().getParameters());
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        }
        Path file = dir.resolve("sec1.key");
        Files.writeString(file, text.toString());

        // Compare the secret scalar: the PKCS#8 encodings differ in optional fields (the embedded public key).
        assertEquals(((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS(),
                ((java.security.interfaces.ECPrivateKey) Pem.readPrivateKey(file)).getS());
    }

    @Test
    void readPrivateKey_whenOpensslGeneratedKeys_thenReadsBothForms() throws Exception {
        OpenSsl.assumeAvailable();
        Path sec1 = dir.resolve("openssl-sec1.key");
        Path pkcs8 = dir.resolve("openssl-pkcs8.key");
        assertEquals(0, OpenSsl.run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", sec1.toString())
                .exitCode());
        assertEquals(0, OpenSsl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-out", pkcs8.toString()).exitCode());

        assertEquals("EC", Pem.readPrivateKey(sec1).getAlgorithm());
        assertEquals("EC", Pem.readPrivateKey(pkcs8).getAlgorithm());
    }

    @Test
    void writtenKey_whenReadByOpenssl_thenParses() throws Exception {
        OpenSsl.assumeAvailable();
        Path file = dir.resolve("ours.key");
        Pem.writePrivateKey(file, CertificateAuthority.generateKeyPair().getPrivate());

        OpenSsl.Result result = OpenSsl.run("pkey", "-in", file.toString(), "-noout", "-text");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("P-256") || result.output().contains("prime256v1"), result.output());
    }

    @Test
    void readPrivateKey_whenEncrypted_thenSaysHowToDecrypt() throws Exception {
        OpenSsl.assumeAvailable();
        Path file = dir.resolve("encrypted.key");
        assertEquals(0, OpenSsl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-aes-128-cbc", "-pass", "pass:secret", "-out", file.toString()).exitCode());

        PemException e = assertThrows(PemException.class, () -> Pem.readPrivateKey(file));

        assertEquals(file + " holds an encrypted private key; decrypt it with: openssl pkey -in " + file
                + " -out DECRYPTED.key", e.getMessage());
    }

    @Test
    void crl_whenWrittenAndRead_thenEqual() throws Exception {
        X509Certificate client = CA.issueClientCertificate("bob", Duration.ofDays(1)).certificate();
        X509CRL crl = CA.createCrl(List.of(client.getSerialNumber()), Duration.ofDays(1));
        Path file = dir.resolve("crl.pem");

        Pem.writeCrl(file, crl);

        X509CRL read = Pem.readCrl(file);
        assertEquals(crl, read);
        assertTrue(read.isRevoked(client));
    }

    @Test
    void read_whenFileMissing_thenNamesTheFile() {
        Path file = dir.resolve("missing.pem");

        PemException e = assertThrows(PemException.class, () -> Pem.readCertificate(file));

        assertEquals(file + " not found; check the path", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void read_whenNotPem_thenNamesTheFile() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\n");

        PemException e = assertThrows(PemException.class, () -> Pem.readCertificates(file));

        assertEquals(file + " holds no PEM block (expected -----BEGIN ...-----)", e.getMessage());
    }

    @Test
    void read_whenPemBodyIsDamaged_thenNamesTheFile() throws Exception {
        Path file = dir.resolve("broken.pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\nAAAA!!!!\n-----END CERTIFICATE-----\n");

        PemException e = assertThrows(PemException.class, () -> Pem.readCertificates(file));

        assertTrue(e.getMessage().startsWith(file + " is not a valid PEM file"), e.getMessage());
    }

    @Test
    void read_whenBinary_thenSuggestsConvertingDer() throws Exception {
        Path file = dir.resolve("cert.der");
        Files.write(file, CA.certificate().getEncoded());

        PemException e = assertThrows(PemException.class, () -> Pem.readCertificate(file));

        assertTrue(e.getMessage().startsWith(file + " is not a PEM file (binary content"), e.getMessage());
    }

    @Test
    void read_whenWrongKind_thenSaysWhatWasExpected() throws Exception {
        Path key = dir.resolve("server.key");
        Path cert = dir.resolve("server.pem");
        Pem.writePrivateKey(key, CertificateAuthority.generateKeyPair().getPrivate());
        Pem.writeCertificate(cert, CA.certificate());

        assertEquals(key + " holds no certificate (expected a PEM file with -----BEGIN CERTIFICATE-----)",
                assertThrows(PemException.class, () -> Pem.readCertificate(key)).getMessage());
        assertEquals(cert + " holds no private key (expected a PEM file with -----BEGIN PRIVATE KEY-----)",
                assertThrows(PemException.class, () -> Pem.readPrivateKey(cert)).getMessage());
        assertEquals(cert + " holds no CRL (expected a PEM file with -----BEGIN X509 CRL-----)",
                assertThrows(PemException.class, () -> Pem.readCrl(cert)).getMessage());
    }

    @Test
    void read_whenFolder_thenSaysSo() {
        PemException e = assertThrows(PemException.class, () -> Pem.readCertificate(dir));

        assertEquals(dir + " is a folder, not a PEM file", e.getMessage());
    }

    @Test
    void parseCertificates_whenPemText_thenSameAsFile() throws Exception {
        String text = Pem.toPem(CA.certificate());

        assertEquals(List.of(CA.certificate()), Pem.parseCertificates(text, Path.of("inline")));
        assertEquals(CA.certificate(), Pem.parseCertificates(new String(text.getBytes(StandardCharsets.US_ASCII),
                StandardCharsets.US_ASCII), Path.of("inline")).get(0));
    }
}
