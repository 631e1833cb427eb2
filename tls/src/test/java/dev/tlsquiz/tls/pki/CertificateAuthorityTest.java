package dev.tlsquiz.tls.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.OpenSsl;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    private static final String BASIC_CONSTRAINTS = Extension.basicConstraints.getId();
    private static final String KEY_USAGE = Extension.keyUsage.getId();
    private static final String EXTENDED_KEY_USAGE = Extension.extendedKeyUsage.getId();
    private static final String SUBJECT_ALT_NAME = Extension.subjectAlternativeName.getId();
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    // Indexes into X509Certificate.getKeyUsage().
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private static final CertificateAuthority CA =
            CertificateAuthority.create("test CA", CertificateAuthority.DEFAULT_CA_VALIDITY);

    @TempDir
    Path dir;

    @Test
    void create_thenCaHasTheCaProfile() throws Exception {
        X509Certificate ca = CA.certificate();

        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        ca.verify(ca.getPublicKey());
        assertEquals("CN=test CA", ca.getSubjectX500Principal().getName());
        assertEquals(0, ca.getBasicConstraints(), "CA:TRUE with pathLen 0");
        assertTrue(ca.getCriticalExtensionOIDs().containsAll(Set.of(BASIC_CONSTRAINTS, KEY_USAGE)));
        boolean[] keyUsage = ca.getKeyUsage();
        assertTrue(keyUsage[KEY_CERT_SIGN]);
        assertTrue(keyUsage[CRL_SIGN]);
        assertFalse(keyUsage[DIGITAL_SIGNATURE]);
        assertNotNullArray(subjectKeyId(ca));
        assertP256(ca);
        assertEquals("SHA256withECDSA", ca.getSigAlgName());
        assertValidity(ca, CertificateAuthority.DEFAULT_CA_VALIDITY);
    }

    @Test
    void issueServerCertificate_thenHasTheServerProfile() throws Exception {
        X509Certificate server = CA.issueServerCertificate(
                CertificateAuthority.DEFAULT_SERVER_NAMES, CertificateAuthority.DEFAULT_SERVER_VALIDITY).certificate();

        assertEquals("CN=localhost", server.getSubjectX500Principal().getName());
        assertEquals(CA.certificate().getSubjectX500Principal(), server.getIssuerX500Principal());
        assertEquals(-1, server.getBasicConstraints(), "CA:FALSE");
        assertTrue(server.getCriticalExtensionOIDs().containsAll(Set.of(BASIC_CONSTRAINTS, KEY_USAGE)));
        assertFalse(server.getCriticalExtensionOIDs().contains(SUBJECT_ALT_NAME));
        assertFalse(server.getCriticalExtensionOIDs().contains(EXTENDED_KEY_USAGE));
        boolean[] keyUsage = server.getKeyUsage();
        assertTrue(keyUsage[DIGITAL_SIGNATURE]);
        assertFalse(keyUsage[KEY_CERT_SIGN]);
        assertFalse(keyUsage[CRL_SIGN]);
        assertEquals(List.of(SERVER_AUTH), server.getExtendedKeyUsage());
        // 2 = dNSName, 7 = iPAddress (RFC 5280 GeneralName tags, as the JDK reports them).
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1")),
                List.copyOf(server.getSubjectAlternativeNames()));
        assertKeyIdentifiers(server);
        assertSerial(server);
        assertP256(server);
        assertValidity(server, Duration.ofDays(90));
        validatePkix(server, CA.certificate());
    }

    @Test
    void issueClientCertificate_thenHasTheClientProfile() throws Exception {
        X509Certificate client = CA.issueClientCertificate("alice", CertificateAuthority.DEFAULT_CLIENT_VALIDITY)
                .certificate();

        assertEquals("CN=alice", client.getSubjectX500Principal().getName());
        assertEquals(-1, client.getBasicConstraints());
        assertTrue(client.getCriticalExtensionOIDs().containsAll(Set.of(BASIC_CONSTRAINTS, KEY_USAGE)));
        assertTrue(client.getKeyUsage()[DIGITAL_SIGNATURE]);
        assertEquals(List.of(CLIENT_AUTH), client.getExtendedKeyUsage());
        assertNull(client.getSubjectAlternativeNames());
        assertKeyIdentifiers(client);
        assertSerial(client);
        assertValidity(client, CertificateAuthority.DEFAULT_CLIENT_VALIDITY);
        validatePkix(client, CA.certificate());
    }

    @Test
    void issue_thenEverySerialIsDifferentAndAtLeast64Bits() {
        Set<BigInteger> serials = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            BigInteger serial = CertificateAuthority.randomSerial();
            assertTrue(serial.signum() > 0);
            assertEquals(127, serial.bitLength());
            assertTrue(serial.toByteArray().length <= 20, "RFC 5280: at most 20 octets");
            serials.add(serial);
        }
        assertEquals(20, serials.size());
    }

    @Test
    void issue_whenNameIsAnIpLiteral_thenSanIsAnIpAddress() throws Exception {
        X509Certificate server = CA.issueServerCertificate(
                List.of("quiz.example.org", "192.0.2.7", "2001:db8::1", "*.example.net"), Duration.ofDays(1))
                .certificate();

        assertEquals(List.of(List.of(2, "quiz.example.org"), List.of(7, "192.0.2.7"),
                        List.of(7, "2001:db8:0:0:0:0:0:1"), List.of(2, "*.example.net")),
                List.copyOf(server.getSubjectAlternativeNames()));
        assertEquals("CN=quiz.example.org", server.getSubjectX500Principal().getName());
    }

    @Test
    void issue_whenNameIsInvalid_thenFailsNamingIt() {
        for (String bad : List.of("", "has space", "under_score.example", "999.1.1.1", "fe80::1%eth0", "-leading",
                "x:y", "1:2:3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CA.issueServerCertificate(List.of(bad), Duration.ofDays(1)), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> CA.issueServerCertificate(List.of(), Duration.ofDays(1)));
    }

    @Test
    void issue_whenValidityIsExplicit_thenCertificateIsExpiredOrNotYetValid() throws Exception {
        Instant now = Instant.now();
        CertificateRequest request = CertificateRequest.server(List.of("localhost"), Duration.ofDays(1));
        X509Certificate expired = CA.issue(request.withValidity(now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1)))).certificate();
        X509Certificate future = CA.issue(request.withValidity(now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(10)))).certificate();

        assertThrows(java.security.cert.CertificateExpiredException.class, expired::checkValidity);
        assertThrows(java.security.cert.CertificateNotYetValidException.class, future::checkValidity);
        assertThrows(CertPathValidatorException.class, () -> validatePkix(expired, CA.certificate()));
    }

    @Test
    void issue_whenRequestOutlivesTheCa_thenNotAfterIsCappedAtTheCas() {
        CertificateAuthority shortCa = CertificateAuthority.create("short CA", Duration.ofDays(10));

        X509Certificate server = shortCa.issueServerCertificate(List.of("localhost"), Duration.ofDays(90))
                .certificate();

        assertEquals(shortCa.certificate().getNotAfter(), server.getNotAfter());
    }

    @Test
    void issue_whenUsageIsClient_thenOnlyClientAuthEvenWithServerNames() throws Exception {
        X509Certificate cert = CA.issue(CertificateRequest.server(List.of("localhost"), Duration.ofDays(1))
                .withUsage(CertificateUsage.CLIENT)).certificate();

        assertEquals(List.of(CLIENT_AUTH), cert.getExtendedKeyUsage());
        assertEquals(List.of(List.of(2, "localhost")), List.copyOf(cert.getSubjectAlternativeNames()));
    }

    @Test
    void selfSigned_thenLeafIsSignedByItsOwnKeyAndNotByTheCa() throws Exception {
        X509Certificate self = CertificateAuthority.selfSigned(
                CertificateRequest.server(List.of("localhost"), Duration.ofDays(1))).certificate();

        self.verify(self.getPublicKey());
        assertEquals(-1, self.getBasicConstraints());
        assertEquals(List.of(SERVER_AUTH), self.getExtendedKeyUsage());
        assertThrows(CertPathValidatorException.class, () -> validatePkix(self, CA.certificate()));
    }

    @Test
    void validate_whenTrustAnchorIsAnotherCa_thenFails() {
        CertificateAuthority other = CertificateAuthority.create("other CA", Duration.ofDays(1));
        X509Certificate server = CA.issueServerCertificate(List.of("localhost"), Duration.ofDays(1)).certificate();

        assertThrows(CertPathValidatorException.class, () -> validatePkix(server, other.certificate()));
    }

    @Test
    void load_thenSameCaIssuesVerifiableCertificates() throws Exception {
        Path cert = dir.resolve("ca.pem");
        Path key = dir.resolve("ca.key");
        Pem.writeCertificate(cert, CA.certificate());
        Pem.writePrivateKey(key, CA.privateKey());

        CertificateAuthority loaded = CertificateAuthority.load(cert, key);

        assertEquals(CA.certificate(), loaded.certificate());
        validatePkix(loaded.issueServerCertificate(List.of("localhost"), Duration.ofDays(1)).certificate(),
                CA.certificate());
    }

    @Test
    void load_whenKeyBelongsToAnotherCertificate_thenFailsNamingTheKeyFile() throws Exception {
        Path cert = dir.resolve("ca.pem");
        Path key = dir.resolve("ca.key");
        Pem.writeCertificate(cert, CA.certificate());
        Pem.writePrivateKey(key, CertificateAuthority.generateKeyPair().getPrivate());

        PemException e = assertThrows(PemException.class, () -> CertificateAuthority.load(cert, key));

        assertEquals(key + " is not the private key of " + cert + "; give the key file that belongs to this CA",
                e.getMessage());
    }

    @Test
    void load_whenCertificateIsNotACa_thenFails() throws Exception {
        IssuedCertificate leaf = CA.issueServerCertificate(List.of("localhost"), Duration.ofDays(1));
        Path cert = dir.resolve("leaf.pem");
        Path key = dir.resolve("leaf.key");
        Pem.writeCertificate(cert, leaf.certificate());
        Pem.writePrivateKey(key, leaf.privateKey());

        PemException e = assertThrows(PemException.class, () -> CertificateAuthority.load(cert, key));

        assertTrue(e.getMessage().startsWith(cert + " is not a CA certificate"), e.getMessage());
    }

    @Test
    void createCrl_thenListsTheSerialsAndIsSignedByTheCa() throws Exception {
        X509Certificate alice = CA.issueClientCertificate("alice", Duration.ofDays(1)).certificate();
        X509Certificate bob = CA.issueClientCertificate("bob", Duration.ofDays(1)).certificate();
        Instant earlier = Instant.parse("2026-01-02T03:04:05Z");

        X509CRL crl = CA.createCrl(Map.of(alice.getSerialNumber(), earlier), Duration.ofDays(30));

        crl.verify(CA.certificate().getPublicKey());
        assertEquals(CA.certificate().getSubjectX500Principal(), crl.getIssuerX500Principal());
        assertTrue(crl.isRevoked(alice));
        assertFalse(crl.isRevoked(bob));
        assertEquals(earlier, crl.getRevokedCertificate(alice).getRevocationDate().toInstant());
        assertTrue(crl.getNextUpdate().toInstant().isAfter(Instant.now().plus(Duration.ofDays(29))));
        assertTrue(crl.getNonCriticalExtensionOIDs().containsAll(
                Set.of(Extension.cRLNumber.getId(), Extension.authorityKeyIdentifier.getId())));
    }

    @Test
    void opensslVerify_whenIssuedByCa_thenOk() throws Exception {
        OpenSsl.assumeAvailable();
        Path ca = dir.resolve("ca.pem");
        Path server = dir.resolve("server.pem");
        Path client = dir.resolve("client.pem");
        Path crl = dir.resolve("crl.pem");
        Pem.writeCertificate(ca, CA.certificate());
        Pem.writeCertificate(server, CA.issueServerCertificate(
                CertificateAuthority.DEFAULT_SERVER_NAMES, Duration.ofDays(90)).certificate());
        X509Certificate revoked = CA.issueClientCertificate("mallory", Duration.ofDays(1)).certificate();
        Pem.writeCertificate(client, revoked);
        Pem.writeCrl(crl, CA.createCrl(List.of(revoked.getSerialNumber()), Duration.ofDays(1)));

        assertOpenSsl("server.pem: OK", "verify", "-x509_strict", "-purpose", "sslserver",
                "-verify_hostname", "localhost", "-CAfile", ca.toString(), server.toString());
        assertOpenSsl("server.pem: OK", "verify", "-x509_strict", "-purpose", "sslserver",
                "-verify_ip", "::1", "-CAfile", ca.toString(), server.toString());
        assertOpenSsl("client.pem: OK", "verify", "-x509_strict", "-purpose", "sslclient",
                "-CAfile", ca.toString(), client.toString());
        OpenSsl.Result revokedResult = OpenSsl.run("verify", "-crl_check", "-CRLfile", crl.toString(),
                "-CAfile", ca.toString(), client.toString());
        assertNotEquals(0, revokedResult.exitCode(), revokedResult.output());
        assertTrue(revokedResult.output().contains("certificate revoked"), revokedResult.output());
        OpenSsl.Result wrongPurpose = OpenSsl.run("verify", "-purpose", "sslserver",
                "-CAfile", ca.toString(), client.toString());
        assertNotEquals(0, wrongPurpose.exitCode(), wrongPurpose.output());
    }

    private static void assertOpenSsl(String expected, String... args) {
        OpenSsl.Result result = OpenSsl.run(args);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(expected), result.output());
    }

    static void validatePkix(X509Certificate leaf, X509Certificate trustAnchor) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(trustAnchor, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
    }

    private static void assertKeyIdentifiers(X509Certificate leaf) {
        assertNotNullArray(subjectKeyId(leaf));
        byte[] aki = leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        byte[] keyId = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(aki).getOctets())
                .getKeyIdentifierObject().getOctets();
        assertArrayEquals(subjectKeyId(CA.certificate()), keyId, "AKI = the CA's SKI");
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] ski = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        return ski == null ? null
                : SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ski).getOctets()).getKeyIdentifier();
    }

    private static void assertNotNullArray(byte[] bytes) {
        assertTrue(bytes != null && bytes.length > 0, "extension present and not empty");
    }

    private static void assertSerial(X509Certificate certificate) {
        BigInteger serial = certificate.getSerialNumber();
        assertTrue(serial.signum() > 0, "positive serial");
        assertTrue(serial.bitLength() >= 64, "serial of at least 64 bits: " + serial.bitLength());
    }

    private static void assertP256(X509Certificate certificate) {
        ECPublicKey key = (ECPublicKey) certificate.getPublicKey();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertTrue(key.getParams().toString().contains("secp256r1"), key.getParams().toString());
    }

    private static void assertValidity(X509Certificate certificate, Duration validity) {
        Instant now = Instant.now();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        assertTrue(notBefore.isBefore(now.minus(Duration.ofMinutes(4))), "notBefore a few minutes back: " + notBefore);
        assertTrue(notBefore.isAfter(now.minus(Duration.ofMinutes(10))), "notBefore recent: " + notBefore);
        Duration fromNow = Duration.between(now, notAfter);
        assertTrue(fromNow.compareTo(validity.minusMinutes(1)) > 0 && fromNow.compareTo(validity) <= 0,
                "notAfter " + notAfter + " about " + validity + " from now");
    }
}
