package dev.tlsquiz.tls;

import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a client's TLS handshake failed, as a kind and the facts a message needs; the client's command
 * line writes the sentence. The client CLI passes any handshake exception (or an exception right after
 * the handshake: under TLS 1.3 the server judges the client certificate after the client considers the
 * handshake done) to {@link #classify}.
 *
 * <p>Works for both providers: the trust manager's own exceptions travel as the cause of the engine's
 * {@code SSLHandshakeException}; alerts from the server are recognised by their names as the JDK
 * ({@code Received fatal alert: certificate_required}) and BoringSSL ({@code
 * TLSV13_ALERT_CERTIFICATE_REQUIRED}) write them.
 *
 * @param kind         what went wrong
 * @param host         the host the client connected to, as the user typed it
 * @param port         its port
 * @param detail       for CLIENT_CERTIFICATE_REJECTED the alert the server sent (e.g. {@code unknown_ca});
 *                     for OTHER the root cause's message, or empty when the connection just closed;
 *                     empty otherwise
 * @param trustRefusal the client's own refusal of the server ({@link UnknownServerKeyException},
 *                     {@link ServerKeyChangedException}, {@link ServerCertificateRejectedException}), present
 *                     exactly for the kinds it causes
 */
public record HandshakeFailure(Kind kind, String host, int port, String detail,
                               Optional<CertificateException> trustRefusal) {

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
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(trustRefusal, "trustRefusal");
        if ((kind == Kind.UNKNOWN_SERVER_KEY)
                != trustRefusal.filter(UnknownServerKeyException.class::isInstance).isPresent()) {
            throw new IllegalArgumentException("an UnknownServerKeyException must be present exactly for"
                    + " UNKNOWN_SERVER_KEY");
        }
    }

    /** The trust-on-first-use exception, when the kind is UNKNOWN_SERVER_KEY. */
    public Optional<UnknownServerKeyException> unknownServerKey() {
        return trustRefusal.filter(UnknownServerKeyException.class::isInstance)
                .map(UnknownServerKeyException.class::cast);
    }

    /** The changed-key exception, when the kind is SERVER_KEY_CHANGED. */
    public Optional<ServerKeyChangedException> serverKeyChanged() {
        return trustRefusal.filter(ServerKeyChangedException.class::isInstance)
                .map(ServerKeyChangedException.class::cast);
    }

    /** The refused certificate's reason, for the kinds the client's certificate checks produce. */
    public Optional<CertificateRefusal> certificateRefusal() {
        return trustRefusal.filter(ServerCertificateRejectedException.class::isInstance)
                .map(refusal -> ((ServerCertificateRejectedException) refusal).refusal());
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
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownServerKeyException unknown) {
                return new HandshakeFailure(Kind.UNKNOWN_SERVER_KEY, host, port, "", Optional.of(unknown));
            }
            if (t instanceof ServerKeyChangedException changed) {
                return new HandshakeFailure(Kind.SERVER_KEY_CHANGED, host, port, "", Optional.of(changed));
            }
            if (t instanceof ServerCertificateRejectedException rejected) {
                return new HandshakeFailure(rejected.kind(), host, port, "", Optional.of(rejected));
            }
        }
        String text = allMessages(cause);
        boolean required = text.contains("certificate_required");
        String rejection = firstOf(text, "certificate_revoked", "bad_certificate", "unknown_ca",
                "certificate_expired", "certificate_unknown", "unsupported_certificate", "access_denied");
        if ((required && !Boolean.TRUE.equals(hasClientCertificate))
                || (rejection != null && Boolean.FALSE.equals(hasClientCertificate))) {
            return of(Kind.CLIENT_CERTIFICATE_REQUIRED, host, port, "");
        }
        if (required) {
            return of(Kind.CLIENT_CERTIFICATE_REJECTED, host, port, "certificate_required");
        }
        if (rejection != null) {
            return of(Kind.CLIENT_CERTIFICATE_REJECTED, host, port, rejection);
        }
        if (containsAny(text, "no_application_protocol")) {
            return of(Kind.NO_COMMON_ALPN, host, port, "");
        }
        if (containsAny(text, "protocol_version", "unsupported_protocol", "no appropriate protocol",
                "wrong_version_number", "no_supported_versions")) {
            return of(Kind.PROTOCOL_VERSION, host, port, "");
        }
        return of(Kind.OTHER, host, port, rootMessage(cause));
    }

    private static HandshakeFailure of(Kind kind, String host, int port, String detail) {
        return new HandshakeFailure(kind, host, port, detail, Optional.empty());
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

    /** The root cause's message; empty when the connection just closed or there is none. */
    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ClosedChannelException || root.getMessage() == null) {
            return "";
        }
        return root.getMessage();
    }
}
