package dev.tlsquiz.tls.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a leaf certificate should say: who it is for, its names, its use and when it is valid.
 * The usual ones come from {@link #server} and {@link #client}; tests adjust them with the
 * {@code with...} methods, e.g. an expired server certificate:
 * <pre>{@code CertificateRequest.server(names, Duration.ofDays(1)).withValidity(lastYear, lastMonth)}</pre>
 *
 * @param commonName      the subject CN: the first server name, or the player name
 * @param subjectAltNames the SAN entries: IP literals become iPAddress entries, anything else a dNSName
 * @param usage           the extended key usage
 * @param notBefore       the start of validity
 * @param notAfter        the end of validity, after {@code notBefore}
 */
public record CertificateRequest(
        String commonName, List<String> subjectAltNames, CertificateUsage usage, Instant notBefore, Instant notAfter) {

    /** How far notBefore is set in the past, so a peer whose clock is a little behind accepts a new certificate. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    // A host name or a wildcard label; letters, digits, '-', '.' and a leading "*." only.
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    public CertificateRequest {
        Objects.requireNonNull(commonName, "commonName");
        if (commonName.isBlank() || commonName.length() > 64) {
            throw new IllegalArgumentException("common name: '" + commonName + "' (expected: 1..64 characters)");
        }
        subjectAltNames = List.copyOf(subjectAltNames);
        subjectAltNames.forEach(CertificateRequest::requireValidName);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException(
                    "validity: notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
    }

    /**
     * A server certificate for {@code names} (CN = the first), valid from a few minutes ago for {@code validity}.
     */
    public static CertificateRequest server(List<String> names, Duration validity) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one name (e.g. localhost)");
        }
        Instant now = Instant.now();
        return new CertificateRequest(names.get(0), names, CertificateUsage.SERVER,
                now.minus(CLOCK_SKEW), now.plus(requirePositive(validity)));
    }

    /** A client certificate for player {@code playerName} (the CN; no SAN), valid for {@code validity}. */
    public static CertificateRequest client(String playerName, Duration validity) {
        Instant now = Instant.now();
        return new CertificateRequest(playerName, List.of(), CertificateUsage.CLIENT,
                now.minus(CLOCK_SKEW), now.plus(requirePositive(validity)));
    }

    /** This request with an explicit validity period (for expired or not-yet-valid test certificates). */
    public CertificateRequest withValidity(Instant newNotBefore, Instant newNotAfter) {
        return new CertificateRequest(commonName, subjectAltNames, usage, newNotBefore, newNotAfter);
    }

    /** This request with other SAN entries. */
    public CertificateRequest withSubjectAltNames(List<String> names) {
        return new CertificateRequest(commonName, names, usage, notBefore, notAfter);
    }

    /** This request with another extended key usage (e.g. a client-only certificate offered by a server). */
    public CertificateRequest withUsage(CertificateUsage newUsage) {
        return new CertificateRequest(commonName, subjectAltNames, newUsage, notBefore, notAfter);
    }

    /** Whether {@code name} is an IPv4 or IPv6 literal, which goes into an iPAddress SAN. Never resolves names. */
    public static boolean isIpLiteral(String name) {
        if (IPV4.matcher(name).matches()) {
            // Checked by hand: an out-of-range "999.1.1.1" would make getByName try DNS.
            for (String octet : name.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return true;
        }
        // Only hex digits, colons and dots (an embedded IPv4 tail) can form an IPv6 literal; checking that first
        // guarantees getByName parses the literal and never falls back to a DNS lookup.
        return name.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(name).matches() && parsesAsAddress(name);
    }

    private static boolean parsesAsAddress(String literal) {
        try {
            InetAddress.getByName(literal);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void requireValidName(String name) {
        Objects.requireNonNull(name, "subject alternative name");
        if (isIpLiteral(name)) {
            return;
        }
        if (IPV4.matcher(name).matches() || name.length() > 253 || !DNS_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a host name or IP address: '" + name
                    + "' (expected e.g. localhost, quiz.example.org, 192.0.2.7 or ::1)");
        }
    }

    private static Duration requirePositive(Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity: " + validity + " (expected: > 0)");
        }
        return validity;
    }
}
