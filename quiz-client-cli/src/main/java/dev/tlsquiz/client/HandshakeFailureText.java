package dev.tlsquiz.client;

import dev.tlsquiz.text.TerminalText;
import dev.tlsquiz.tls.CertificateRefusal;
import dev.tlsquiz.tls.HandshakeFailure;
import dev.tlsquiz.tls.KnownHosts;
import dev.tlsquiz.tls.ServerKeyChangedException;
import dev.tlsquiz.tls.UnknownServerKeyException;

/**
 * The one line {@code quiz play} prints for a failed TLS handshake: what happened, from the facts the
 * TLS module found, and what to do next with this client's options and commands.
 */
public final class HandshakeFailureText {

    private HandshakeFailureText() {
    }

    /** The line for {@code failure}. */
    public static String describe(HandshakeFailure failure) {
        String where = KnownHosts.entryKey(failure.host(), failure.port());
        return switch (failure.kind()) {
            case UNKNOWN_SERVER_KEY -> unknownServerKey(failure.unknownServerKey().orElseThrow());
            case SERVER_KEY_CHANGED -> serverKeyChanged(failure.serverKeyChanged().orElseThrow());
            case PIN_MISMATCH, UNTRUSTED_CERTIFICATE, HOSTNAME_MISMATCH, EXPIRED, NOT_YET_VALID,
                    NOT_A_SERVER_CERTIFICATE -> failure.certificateRefusal()
                    .map(refusal -> refusal(refusal, failure.host(), where))
                    .orElseGet(() -> other(failure, where));
            case CLIENT_CERTIFICATE_REQUIRED -> "the server at " + where + " requires a client certificate;"
                    + " pass --cert FILE --key FILE with a certificate issued by the server's operator"
                    + " (they create one with: quiz-server certs client NAME)";
            case CLIENT_CERTIFICATE_REJECTED -> clientCertificateRejected(failure.detail(), where);
            case NO_COMMON_ALPN -> "the server at " + where + " does not speak the tlsquiz protocol"
                    + " (no common ALPN protocol); check the host and port";
            case PROTOCOL_VERSION -> "the server at " + where + " and this client have no TLS version"
                    + " in common; this client allows TLS 1.3 only unless told to allow 1.2, so ask the"
                    + " operator to enable TLS 1.3 (TLS 1.1 and older are never used)";
            case OTHER -> other(failure, where);
        };
    }

    private static String other(HandshakeFailure failure, String where) {
        String what = failure.detail().isEmpty() ? "the connection closed during the handshake" : failure.detail();
        return "the TLS handshake with " + where + " failed: " + what
                + "; check that a tlsquiz server listens there, and retry with --verbose for details";
    }

    private static String refusal(CertificateRefusal refusal, String host, String where) {
        if (refusal instanceof CertificateRefusal.CertificateFingerprintAsPin pin) {
            return "the pin " + pin.givenPin() + " is the certificate fingerprint, not the key pin, of the server at "
                    + where + "; --pin takes the key pin, which 'quiz-server certs show FILE' prints on the"
                    + " server as 'key pin: SHA256:...' (for this certificate it is " + pin.keyPin()
                    + "): run again with --pin and that value";
        }
        if (refusal instanceof CertificateRefusal.KeyPinMismatch pin) {
            return "WARNING: the server at " + where + " presented key " + pin.presentedPin()
                    + " but the expected pin is " + pin.expectedPin() + "; someone may be intercepting the"
                    + " connection; if the operator changed the key, get the new pin from them";
        }
        if (refusal instanceof CertificateRefusal.NotSignedByTrustedCa ca) {
            return notSignedByTheCa(ca, host);
        }
        if (refusal instanceof CertificateRefusal.Expired expired) {
            return "the server's certificate for " + where + " expired on " + expired.notAfter()
                    + "; ask the server operator to renew it (and check this machine's clock)";
        }
        if (refusal instanceof CertificateRefusal.NotYetValid notYet) {
            return "the server's certificate for " + where + " is not valid before " + notYet.notBefore()
                    + "; check this machine's clock, or ask the operator to issue one valid now";
        }
        if (refusal instanceof CertificateRefusal.NotForServers) {
            return "the server at " + where + " presented a certificate that is not meant for servers (no"
                    + " serverAuth extended key usage); ask the operator to install a server certificate";
        }
        if (refusal instanceof CertificateRefusal.HostNotNamed names) {
            return "the server's certificate does not name host '" + host + "' (it names: "
                    + (names.names().isEmpty() ? "nothing" : String.join(", ", names.names()))
                    + "); connect with one of those names or ask the operator to issue a certificate with --san "
                    + host;
        }
        CertificateRefusal.ChainRefused chain = (CertificateRefusal.ChainRefused) refusal;
        return "the server's certificate for " + where + " was refused: " + chain.detail()
                + "; ask the server operator to check it";
    }

    /**
     * The player passed --cafile, so the advice is not to pass one: it is the wrong CA file (another
     * development PKI, an old one after {@code certs init --force}), or the wrong server.
     */
    private static String notSignedByTheCa(CertificateRefusal.NotSignedByTrustedCa ca, String host) {
        String file = TerminalText.sanitize(ca.caFile().toString());
        String fingerprints = ca.caFingerprints().isEmpty() ? "no certificate" : String.join(", ", ca.caFingerprints());
        String issuer = ca.selfSigned() ? "it is self-signed" : "it names its issuer as '"
                + TerminalText.sanitize(ca.issuer()) + "'";
        return "the server's certificate for " + host + " is not signed by the CA in " + file + " (" + fingerprints
                + "; " + issuer + "); get the CA file from the server's operator (its start-up line 'CA fingerprint"
                + " SHA256:...' names the CA it uses), or check that --host names the server you meant";
    }

    private static String clientCertificateRejected(String alert, String where) {
        return switch (alert) {
            case "certificate_required" -> "the server at " + where + " requires a client certificate from a CA"
                    + " it trusts, and this client's certificate is not from that CA; ask the server's operator"
                    + " for a client certificate";
            case "certificate_revoked" -> "the server at " + where + " has revoked this client's certificate"
                    + " (certificate_revoked); ask the server's operator for a new one";
            case "unknown_ca" -> "the server at " + where + " does not trust the CA that issued this client's"
                    + " certificate (unknown_ca); ask the server's operator for a client certificate from their CA";
            default -> "the server at " + where + " refused this client's certificate (" + alert
                    + "); ask the server's operator for a valid client certificate";
        };
    }

    /** Trust on first use, when the client cannot or may not ask. */
    private static String unknownServerKey(UnknownServerKeyException unknown) {
        return "the server at " + KnownHosts.entryKey(unknown.host(), unknown.port()) + " is not known yet and its"
                + " certificate is not trusted by this system; its key pin is " + unknown.pin() + " (certificate "
                + unknown.certificateFingerprint() + ", subject " + unknown.subject() + ", issuer "
                + unknown.issuer() + "); confirm the pin with the server's operator before trusting it";
    }

    private static String serverKeyChanged(ServerKeyChangedException changed) {
        String server = KnownHosts.entryKey(changed.host(), changed.port());
        String where = "line " + changed.line() + " of " + TerminalText.sanitize(changed.knownHostsFile().toString());
        String known = changed.knownPin() != null
                ? where + " holds " + changed.knownPin()
                : where + " holds an entry for it whose pin cannot be read ("
                        + TerminalText.sanitize(changed.knownLineProblem()) + "), so the key it held is unknown";
        return "WARNING: the key of the server at " + server + " has changed: " + known + ", and the server"
                + " presented " + changed.presentedPin() + "; someone may be intercepting the connection. If the"
                + " operator confirms that " + changed.presentedPin() + " is the server's key, run 'quiz known-hosts"
                + " remove " + server + "' (or delete " + where + ") and connect again";
    }
}
