package dev.tlsquiz.tls.pki;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When the development PKI issues again, apart from how it does so: the renewal threshold, how long a
 * CRL is current, and the tests on a certificate or CRL that decide. The server key is never part of
 * a decision here: {@link DevPki} keeps it on every re-issue.
 */
public final class PkiLifecycle {

    /** A server certificate or CRL this close to its end is renewed when the server starts: 30 days. */
    public static final Duration RENEWAL_THRESHOLD = Duration.ofDays(30);
    /**
     * How long a CRL is current (its nextUpdate): 60 days. It is signed again on every revoke, and on server
     * start within {@link #RENEWAL_THRESHOLD} of it, so a server started now and then never has a stale one.
     */
    public static final Duration CRL_VALIDITY = Duration.ofDays(60);

    private PkiLifecycle() {
    }

    /** Whether {@code certificate} ends within {@code threshold} of {@code now} (or has ended). */
    public static boolean renewalDue(X509Certificate certificate, Instant now, Duration threshold) {
        return !certificate.getNotAfter().toInstant().isAfter(now.plus(threshold));
    }

    /**
     * Whether {@code crl} is to be signed again: its nextUpdate is within {@code threshold} of {@code now},
     * or it has none.
     */
    public static boolean refreshDue(X509CRL crl, Instant now, Duration threshold) {
        return crl.getNextUpdate() == null || !crl.getNextUpdate().toInstant().isAfter(now.plus(threshold));
    }

    /** Whether the CA ends within the renewal threshold: the operator is told to create a new one. */
    public static boolean caExpiringSoon(X509Certificate ca, Instant now) {
        return ca.getNotAfter().toInstant().isBefore(now.plus(RENEWAL_THRESHOLD));
    }

    /** Whether the CA has ended: nothing is issued from it any more. */
    public static boolean caExpired(X509Certificate ca, Instant now) {
        return !ca.getNotAfter().toInstant().isAfter(now);
    }

    /** The names a server certificate is issued again for: its own, then {@code missing}, once each. */
    public static List<String> namesWith(X509Certificate server, List<String> missing) {
        Set<String> names = new LinkedHashSet<>(SubjectAltNames.hostNames(server));
        names.addAll(missing);
        return List.copyOf(names);
    }
}
