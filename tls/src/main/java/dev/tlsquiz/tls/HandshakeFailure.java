package dev.tlsquiz.tls;

import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a client's TLS handshake failed, as one line a user can act on. The client CLI passes any
 * handshake exception (or an exception right after the handshake: under TLS 1.3 the server judges the
 * client certificate after the client considers the handshake done) to {@link #classify}.
 *
 * <p>Works for both providers: the trust manager's own exceptions travel as the cause of the engine's
 * {@code SSLHandshakeException}; alerts from the server are recognised by their names as the JDK
 * ({@code Received fatal alert: certificate_required}) and BoringSSL ({@code
 * TLSV13_ALERT_CERTIFICATE_REQUIRED}) write them.
 *
 * @param kind             what went wrong
 * @param message          one line: what happened and what to do next
 * @param unknownServerKey the trust-on-first-use exception, when the kind is UNKNOWN_SERVER_KEY
 */
public record HandshakeFailure(Kind kind, String message, Optional<UnknownServerKeyException> unknownServerKey) {

    /** The kinds of handshake failure a user can do something about. */
    public enum Kind {
        /** Not trusted by the system and not in known_hosts yet: ask the user (trust on first use). */
        UNKNOWN_SERVER_KEY,
        /** known_hosts holds another key for this server. */
        SERVER_KEY_CHANGED,
        /** The server's key does not have the pinned hash. */
        PIN_MISMATCH,
        /** The certificate is not signed by a trusted CA (includes self-signed). */
        UNTRUSTED_CERTIFICATE,
        /** The certificate does not name the host connected to. */
        HOSTNAME_MISMATCH,
        /** The certificate has expired. */
        EXPIRED,
        /** The certificate is not valid yet. */
        NOT_YET_VALID,
        /** The certificate lacks the serverAuth extended key usage (a client certificate, say). */
        NOT_A_SERVER_CERTIFICATE,
        /** No TLS version both ends allow. */
        PROTOCOL_VERSION,
        /** The server does not speak the tlsquiz ALPN protocol. */
        NO_COMMON_ALPN,
        /** The server requires a client certificate and none was sent. */
        CLIENT_CERTIFICATE_REQUIRED,
        /** The server refused the client certificate (unknown CA, revoked, expired). */
        CLIENT_CERTIFICATE_REJECTED,
        /** Anything else. */
        OTHER
    }

    public HandshakeFailure {
        if ((kind == Kind.UNKNOWN_SERVER_KEY) != unknownServerKey.isPresent()) {
            throw new IllegalArgumentException("unknownServerKey must be present exactly for UNKNOWN_SERVER_KEY");
        }
    }

    /**
     * Classifies a handshake failure.
     *
     * @param cause the failure of the handshake future, or an exception caught just after the handshake
     * @param host  the host the client connected to, as the user typed it
     * @param port  its port
     */
    public static HandshakeFailure classify(Throwable cause, String host, int port) {
        return classify(cause, host, port, null);
    }

    /**
     * Classifies a handshake failure, knowing whether the client had a certificate to offer; {@link
     * ClientTls#classify} calls this. Servers answer a missing certificate differently (BoringSSL with
     * {@code certificate_required}, the JDK with {@code bad_certificate}), and a client does not send a
     * certificate whose CA the server did not ask for, so the alert alone does not tell the two apart.
     *
     * @param hasClientCertificate whether the client was configured with a certificate; null: unknown
     */
    static HandshakeFailure classify(Throwable cause, String host, int port, Boolean hasClientCertificate) {
        String where = KnownHosts.entryKey(host, port);
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownServerKeyException) {
                UnknownServerKeyException unknown = (UnknownServerKeyException) t;
                return new HandshakeFailure(Kind.UNKNOWN_SERVER_KEY, unknown.getMessage(), Optional.of(unknown));
            }
            if (t instanceof ServerKeyChangedException) {
                return of(Kind.SERVER_KEY_CHANGED, t.getMessage());
            }
            if (t instanceof ServerCertificateRejectedException) {
                return of(((ServerCertificateRejectedException) t).kind(), t.getMessage());
            }
        }
        String text = allMessages(cause);
        boolean required = text.contains("certificate_required");
        String rejection = firstOf(text, "certificate_revoked", "bad_certificate", "unknown_ca",
                "certificate_expired", "certificate_unknown", "unsupported_certificate", "access_denied");
        if ((required && !Boolean.TRUE.equals(hasClientCertificate))
                || (rejection != null && Boolean.FALSE.equals(hasClientCertificate))) {
            return of(Kind.CLIENT_CERTIFICATE_REQUIRED, "the server at " + where + " requires a client"
                    + " certificate; pass --cert FILE --key FILE with a certificate issued by the server's operator"
                    + " (they create one with: quiz-server certs client NAME)");
        }
        if (required) {
            return of(Kind.CLIENT_CERTIFICATE_REJECTED, "the server at " + where + " requires a client"
                    + " certificate from a CA it trusts, and this client's certificate is not from that CA; ask the"
                    + " server's operator for a client certificate");
        }
        if ("certificate_revoked".equals(rejection)) {
            return of(Kind.CLIENT_CERTIFICATE_REJECTED, "the server at " + where + " has revoked this client's"
                    + " certificate (certificate_revoked); ask the server's operator for a new one");
        }
        if ("unknown_ca".equals(rejection)) {
            return of(Kind.CLIENT_CERTIFICATE_REJECTED, "the server at " + where + " does not trust the CA that"
                    + " issued this client's certificate (unknown_ca); ask the server's operator for a client"
                    + " certificate from their CA");
        }
        if (rejection != null) {
            return of(Kind.CLIENT_CERTIFICATE_REJECTED, "the server at " + where + " refused this client's"
                    + " certificate (" + rejection + "); ask the server's operator for a valid client certificate");
        }
        if (containsAny(text, "no_application_protocol")) {
            return of(Kind.NO_COMMON_ALPN, "the server at " + where + " does not speak the tlsquiz protocol"
                    + " (no common ALPN protocol); check the host and port");
        }
        if (containsAny(text, "protocol_version", "unsupported_protocol", "no appropriate protocol",
                "wrong_version_number", "no_supported_versions")) {
            return of(Kind.PROTOCOL_VERSION, "the server at " + where + " and this client have no TLS version"
                    + " in common; this client allows TLS 1.3 only unless told to allow 1.2, so ask the"
                    + " operator to enable TLS 1.3 (TLS 1.1 and older are never used)");
        }
        return of(Kind.OTHER, "the TLS handshake with " + where + " failed: " + describe(cause)
                + "; check that a tlsquiz server listens there, and retry with --verbose for details");
    }

    private static HandshakeFailure of(Kind kind, String message) {
        return new HandshakeFailure(kind, message, Optional.empty());
    }

    /** The messages of the whole cause chain, in lower case, with alert names in one spelling. */
    static String allMessages(Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        // BoringSSL writes alerts as e.g. TLSV13_ALERT_CERTIFICATE_REQUIRED or SSLV3_ALERT_BAD_CERTIFICATE.
        return text.toString().toLowerCase(Locale.ROOT)
                .replaceAll("(sslv3|tlsv1|tlsv13)_alert_", "alert ");
    }

    private static boolean containsAny(String text, String... needles) {
        return firstOf(text, needles) != null;
    }

    private static String firstOf(String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return needle;
            }
        }
        return null;
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ClosedChannelException || root.getMessage() == null) {
            return "the connection closed during the handshake";
        }
        return root.getMessage();
    }
}
