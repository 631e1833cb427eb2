package dev.tlsquiz.tls.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The development PKI's lifecycle decisions and the name coverage they rest on. */
class PkiLifecycleTest {

    private static final CertificateAuthority CA = CertificateAuthority.create("lifecycle test CA", Duration.ofDays(400));

    private static X509Certificate server(List<String> names) {
        return CA.issue(CertificateRequest.server(names, Duration.ofDays(40))).certificate();
    }

    @Test
    void renewalDue_whenWithinThreshold_thenDue() {
        X509Certificate server = server(List.of("localhost"));
        Instant now = Instant.now();
        assertFalse(PkiLifecycle.renewalDue(server, now, PkiLifecycle.RENEWAL_THRESHOLD));
        assertTrue(PkiLifecycle.renewalDue(server, now.plus(Duration.ofDays(11)), PkiLifecycle.RENEWAL_THRESHOLD));
        assertTrue(PkiLifecycle.renewalDue(server, now.plus(Duration.ofDays(41)), PkiLifecycle.RENEWAL_THRESHOLD));
    }

    @Test
    void caExpiringSoonAndExpired_thenByItsNotAfter() {
        Instant now = Instant.now();
        X509Certificate shortLived = CertificateAuthority.create("short CA", Duration.ofDays(10)).certificate();
        assertFalse(PkiLifecycle.caExpiringSoon(CA.certificate(), now));
        assertTrue(PkiLifecycle.caExpiringSoon(shortLived, now));
        assertFalse(PkiLifecycle.caExpired(shortLived, now));
        assertTrue(PkiLifecycle.caExpired(shortLived, now.plus(Duration.ofDays(11))));
    }

    @Test
    void namesNotCovered_whenOtherSpellings_thenOnlyTrulyMissingNames() {
        X509Certificate server = server(List.of("Quiz.Test", "::1"));
        assertEquals(List.of("127.0.0.1"),
                Certificates.namesNotCovered(server, List.of("quiz.test", "0:0:0:0:0:0:0:1", "127.0.0.1")));
        assertEquals(List.of("quiz.test", "0:0:0:0:0:0:0:1", "127.0.0.1"),
                PkiLifecycle.namesWith(server, List.of("127.0.0.1")).stream()
                        .map(name -> name.equals("Quiz.Test") ? "quiz.test" : name).toList());
    }
}
