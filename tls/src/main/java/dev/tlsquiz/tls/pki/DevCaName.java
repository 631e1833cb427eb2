package dev.tlsquiz.tls.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The common name of a new development CA: {@code tlsquiz development CA 3F2A9C (host NAME)}. Every
 * development CA would otherwise have the same name, and a player holding the wrong {@code ca.pem} could
 * not tell it from the right one; the host that made it and a random tag, fixed when the CA is created,
 * tell two apart at a glance (the fingerprint does so for certain).
 */
public final class DevCaName {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_HOST_LENGTH = 63;

    private DevCaName() {
    }

    /** A name for a CA created now on this machine. */
    public static String next() {
        byte[] tag = new byte[3];
        RANDOM.nextBytes(tag);
        return of(localHostName(), HexFormat.of().withUpperCase().formatHex(tag));
    }

    /** The name for a CA made on {@code host}, tagged {@code tag}; the host is reduced to safe characters. */
    static String of(String host, String tag) {
        // No comma or other character an X.500 name escapes: the name prints as it reads.
        return CertificateAuthority.DEFAULT_CA_NAME + " " + tag + " (host " + safeHost(host) + ")";
    }

    /** Letters, digits, '.' and '-' only, so the name is safe in a certificate, a terminal and a log. */
    static String safeHost(String host) {
        String safe = host == null ? "" : host.replaceAll("[^A-Za-z0-9.-]", "-");
        if (safe.length() > MAX_HOST_LENGTH) {
            safe = safe.substring(0, MAX_HOST_LENGTH);
        }
        return safe.isEmpty() ? "unknown" : safe;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // Without a resolvable name the tag alone still tells two CAs apart.
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
