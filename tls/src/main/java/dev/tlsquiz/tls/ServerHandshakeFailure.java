package dev.tlsquiz.tls;

import dev.tlsquiz.text.LogText;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Why a TLS handshake with a client failed, as the server's log says it: one line in plain words, and a
 * kind from a small fixed set, by which the log is rate-limited.
 *
 * <p>The description never carries the peer's bytes (Netty puts a hex dump of a non-TLS record in its
 * exception message) and passes everything a certificate or exception text could hold through {@link
 * LogText#value}. It works for both providers: refusals of our own trust manager are found in the cause
 * chain ({@link ClientCertificateRefusedException}); alerts the client sent are recognised by their names
 * as the JDK ({@code Received fatal alert: bad_certificate}) and BoringSSL ({@code
 * SSLV3_ALERT_BAD_CERTIFICATE}) write them.
 *
 * @param kind        what happened, for rate limiting and tests
 * @param description one line for the operator: what happened and, where it helps, what to do
 */
public record ServerHandshakeFailure(Kind kind, String description) {

    /** The kinds of failed handshake, each logged at its own rate. */
    public enum Kind {
        /** Our CRL lists the client's certificate. */
        CLIENT_CERTIFICATE_REVOKED,
        /** The client's certificate does not chain to the client CA. */
        CLIENT_CERTIFICATE_UNKNOWN_CA,
        /** The client's certificate is expired, not yet valid, or otherwise refused by PKIX. */
        CLIENT_CERTIFICATE_INVALID,
        /** Client certificates are required and the client sent none. */
        CLIENT_CERTIFICATE_MISSING,
        /** The client refused the server's certificate (it does not trust it). */
        SERVER_CERTIFICATE_REFUSED,
        /** The client does not speak TLS at all (plain text, HTTP, a port scanner). */
        NOT_TLS,
        /** No TLS version both ends allow. */
        PROTOCOL_VERSION,
        /** The client offered ALPN without the tlsquiz protocol. */
        NO_APPLICATION_PROTOCOL,
        /** The handshake did not finish within the handshake timeout. */
        TIMEOUT,
        /** The client closed the connection during the handshake. */
        CLOSED,
        /** Anything else. */
        OTHER
    }

    /** Alerts a client sends about the server's certificate. */
    private static final Set<String> CERTIFICATE_ALERTS = Set.of("bad_certificate", "unsupported_certificate",
            "certificate_revoked", "certificate_expired", "certificate_unknown", "unknown_ca", "access_denied");
    /** A received alert, once {@link HandshakeFailure#allMessages} has put the two providers' spellings in one. */
    private static final Pattern RECEIVED_ALERT = Pattern.compile("alert:? ([a-z_]{1,40})");
    /** Long runs of hex digits: a dump of peer bytes, whatever exception carried it. */
    private static final Pattern HEX_RUN = Pattern.compile("[0-9A-Fa-f]{32,}");

    public ServerHandshakeFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Classifies a server-side handshake failure, or any exception of a connection: the description is
     * safe for a log line either way.
     *
     * @param cause the failure of the server's handshake future
     */
    public static ServerHandshakeFailure classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ClientCertificateRefusedException refused) {
                return new ServerHandshakeFailure(kindOf(refused.reason()), refused.getMessage());
            }
            if (t instanceof NotSslRecordException) {
                return new ServerHandshakeFailure(Kind.NOT_TLS,
                        "not TLS: the client sent something else (plain text, HTTP or another protocol)");
            }
            if (t instanceof SslHandshakeTimeoutException) {
                return new ServerHandshakeFailure(Kind.TIMEOUT,
                        "the handshake did not finish in time (" + t.getMessage() + ")");
            }
            if (t instanceof ClosedChannelException) {
                return new ServerHandshakeFailure(Kind.CLOSED, "the client closed the connection during the handshake");
            }
        }
        String text = HandshakeFailure.allMessages(cause);
        if (containsAny(text, "peer_did_not_return_a_certificate", "empty client certificate chain",
                "certificate_required")) {
            return new ServerHandshakeFailure(Kind.CLIENT_CERTIFICATE_MISSING,
                    "the client sent no certificate, and client certificates are required");
        }
        if (containsAny(text, "unsupported_protocol", "protocol_version", "no_supported_versions",
                "wrong_version_number", "no appropriate protocol", "not enabled or supported",
                "are not accepted by server preferences")) {
            return new ServerHandshakeFailure(Kind.PROTOCOL_VERSION,
                    "no TLS version in common: the client offers only versions this server does not allow");
        }
        if (containsAny(text, "no_application_protocol", "no matching application layer protocol")) {
            return new ServerHandshakeFailure(Kind.NO_APPLICATION_PROTOCOL,
                    "the client does not offer the tlsquiz protocol in ALPN (another protocol, HTTPS say)");
        }
        Matcher alert = RECEIVED_ALERT.matcher(text);
        if (alert.find()) {
            String name = alert.group(1);
            if (CERTIFICATE_ALERTS.contains(name)) {
                return new ServerHandshakeFailure(Kind.SERVER_CERTIFICATE_REFUSED, "the client refused this"
                        + " server's certificate (alert " + name + "): it does not trust it; give players the CA"
                        + " file or the key pin the server prints at start");
            }
            return new ServerHandshakeFailure(Kind.OTHER, "the client ended the handshake with alert " + name);
        }
        return new ServerHandshakeFailure(Kind.OTHER, describe(cause));
    }

    private static Kind kindOf(ClientCertificateRefusedException.Reason reason) {
        return switch (reason) {
            case REVOKED -> Kind.CLIENT_CERTIFICATE_REVOKED;
            case NOT_FROM_CLIENT_CA -> Kind.CLIENT_CERTIFICATE_UNKNOWN_CA;
            case EXPIRED, NOT_YET_VALID, INVALID -> Kind.CLIENT_CERTIFICATE_INVALID;
        };
    }

    /** The most telling message of the chain (the first TLS one), without hex dumps, escaped and bounded. */
    private static String describe(Throwable cause) {
        Throwable telling = cause;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException && t.getMessage() != null) {
                telling = t;
                break;
            }
        }
        if (telling == null) {
            return "unknown cause";
        }
        String message = telling.getMessage() == null ? "" : ": " + telling.getMessage();
        return LogText.value(HEX_RUN.matcher(telling.getClass().getSimpleName() + message)
                .replaceAll("(bytes not logged)"));
    }

    private static boolean containsAny(String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
