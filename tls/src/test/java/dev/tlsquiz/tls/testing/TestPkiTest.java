package dev.tlsquiz.tls.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.pki.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    Path dir;

    @Test
    void create_thenWritesCaServerAndClientThatChainToTheCa() throws Exception {
        TestPki pki = TestPki.create(dir);

        X509Certificate ca = Pem.readCertificate(pki.caCert());
        X509Certificate server = Pem.readCertificate(pki.serverCert());
        X509Certificate client = Pem.readCertificate(pki.clientCert());
        assertEquals(pki.ca().certificate(), ca);
        validate(server, ca);
        validate(client, ca);
        assertEquals(List.of(SERVER_AUTH), server.getExtendedKeyUsage());
        assertEquals("CN=alice", client.getSubjectX500Principal().getName());
        assertEquals(List.of(CLIENT_AUTH), client.getExtendedKeyUsage());
        for (Path key : List.of(pki.serverKey(), pki.clientKey(), pki.caKey())) {
            Pem.readPrivateKey(key);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
    }

    @Test
    void negativeHelpers_thenEachCertificateIsWrongInItsOwnWay() throws Exception {
        TestPki pki = TestPki.create(dir);
        X509Certificate ca = pki.ca().certificate();

        assertThrows(CertificateExpiredException.class, () -> pki.expiredServer().certificate().checkValidity());
        assertThrows(CertificateNotYetValidException.class,
                () -> pki.notYetValidServer().certificate().checkValidity());
        assertThrows(CertificateExpiredException.class, () -> pki.expiredClient("eve").certificate().checkValidity());
        assertEquals(List.of(CLIENT_AUTH), pki.clientOnlyCertAsServer().certificate().getExtendedKeyUsage());
        X509Certificate self = pki.selfSignedServer().certificate();
        assertEquals(self.getSubjectX500Principal(), self.getIssuerX500Principal());
        assertThrows(CertPathValidatorException.class, () -> validate(self, ca));
        assertThrows(CertPathValidatorException.class, () -> validate(pki.serverFromOtherCa().certificate(), ca));
        assertThrows(CertPathValidatorException.class, () -> validate(pki.clientFromOtherCa("eve").certificate(), ca));
        validate(pki.serverFromOtherCa().certificate(), Pem.readCertificate(pki.otherCa().cert()));
        assertNotEquals(ca, pki.otherCa().certificate());
        assertEquals(List.of(List.of(2, "other.example")),
                List.copyOf(pki.serverWithSans("other.example").certificate().getSubjectAlternativeNames()));
        TestPki.Credentials bob = pki.clientCert("bob");
        validate(bob.certificate(), ca);
        assertEquals(bob.certificate(), Pem.readCertificate(bob.cert()));
        Pem.readPrivateKey(bob.key());
    }

    @Test
    void helpers_whenCalledTwice_thenWriteSeparateFiles() {
        TestPki pki = TestPki.create(dir);

        TestPki.Credentials first = pki.expiredServer();
        TestPki.Credentials second = pki.expiredServer();

        assertNotEquals(first.cert(), second.cert());
    }

    @Test
    void writeCrl_thenRevokesTheGivenCertificatesAndReplacesEarlierOnes() throws Exception {
        TestPki pki = TestPki.create(dir);
        X509Certificate alice = pki.client().certificate();
        X509Certificate bob = pki.clientCert("bob").certificate();

        pki.writeCrl(alice);
        Path crl = pki.writeCrl(bob);

        assertTrue(Pem.readCrl(crl).isRevoked(bob));
        assertFalse(Pem.readCrl(crl).isRevoked(alice));
    }

    private static void validate(X509Certificate leaf, X509Certificate ca) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
    }
}
