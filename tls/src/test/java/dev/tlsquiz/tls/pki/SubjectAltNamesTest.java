package dev.tlsquiz.tls.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/** The one reader of subject alternative names. */
class SubjectAltNamesTest {

    private static final CertificateAuthority CA = CertificateAuthority.create("names test CA", Duration.ofDays(1));

    @Test
    void entries_whenDnsNameAndIpAddresses_thenTagsAndValuesInOrder() throws Exception {
        X509Certificate server = CA.issue(CertificateRequest.server(List.of("quiz.test", "192.0.2.7", "::1"),
                Duration.ofDays(1))).certificate();

        assertEquals(List.of(new SubjectAltNames.Entry(GeneralName.dNSName, "quiz.test"),
                        new SubjectAltNames.Entry(GeneralName.iPAddress, "192.0.2.7"),
                        new SubjectAltNames.Entry(GeneralName.iPAddress, "0:0:0:0:0:0:0:1")),
                SubjectAltNames.entries(server));
        assertEquals(List.of("quiz.test", "192.0.2.7", "0:0:0:0:0:0:0:1"), SubjectAltNames.hostNames(server));
    }

    @Test
    void hostNames_whenNoExtension_thenEmpty() throws Exception {
        X509Certificate client = CA.issueClientCertificate("alice", Duration.ofDays(1)).certificate();

        assertEquals(List.of(), SubjectAltNames.entries(client));
        assertEquals(List.of(), SubjectAltNames.hostNames(client));
    }
}
