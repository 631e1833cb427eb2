package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.CertificateRefusal;
import dev.tlsquiz.tls.HandshakeFailure;
import dev.tlsquiz.tls.KnownHosts;
import dev.tlsquiz.tls.ServerCertificateRejectedException;
import dev.tlsquiz.tls.ServerKeyChangedException;
import dev.tlsquiz.tls.UnknownServerKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The sentences {@code quiz play} prints for a failed handshake, written here from the facts the TLS
 * module reports (the loopback handshakes in the tls module check that those facts are found).
 */
class HandshakeFailureTextTest {

    private static final String HOST = "quiz.example.org";
    private static final int PORT = 26062;
    private static final String PIN_A = "SHA256:" + "ab".repeat(32);
    private static final String PIN_B = "SHA256:" + "cd".repeat(32);

    private static String refused(CertificateRefusal refusal) {
        return HandshakeFailureText.describe(HandshakeFailure.classify(
                new ServerCertificateRejectedException(HOST, PORT, refusal, null), HOST, PORT));
    }

    @Test
    void describe_whenConnectionClosedMidHandshake_thenOneLineAdvice() {
        SSLHandshakeException closed = new SSLHandshakeException("Connection closed while SSL/TLS handshake was in progress");
        closed.initCause(new ClosedChannelException());
        String line = HandshakeFailureText.describe(HandshakeFailure.classify(closed, HOST, PORT));
        assertEquals("the TLS handshake with quiz.example.org:26062 failed: the connection closed during the"
                + " handshake; check that a tlsquiz server listens there, and retry with --verbose for details", line);
        assertFalse(line.contains("\n"));
    }

    @Test
    void describe_whenRevokedOrUnknownCa_thenTellsThePlayerWhatHappened() {
        assertEquals("the server at quiz.example.org:26062 has revoked this client's certificate"
                + " (certificate_revoked); ask the server's operator for a new one",
                HandshakeFailureText.describe(HandshakeFailure.classify(new SSLHandshakeException(
                        "Received fatal alert: certificate_revoked"), HOST, PORT)));
        String unknownCa = HandshakeFailureText.describe(new HandshakeFailure(
                HandshakeFailure.Kind.CLIENT_CERTIFICATE_REJECTED, HOST, PORT, "unknown_ca", Optional.empty()));
        assertTrue(unknownCa.contains("does not trust the CA that issued this client's certificate"), unknownCa);
    }

    @Test
    void describe_whenUnknownServerKeyOverIpv6_thenBracketedAddress() {
        UnknownServerKeyException unknown = new UnknownServerKeyException("::1", PORT, PIN_A, PIN_B, "CN=quiz",
                "CN=quiz");
        String line = HandshakeFailureText.describe(HandshakeFailure.classify(unknown, "::1", PORT));
        assertTrue(line.contains("[::1]:26062"), line);
        assertTrue(line.contains(PIN_A) && line.contains("confirm the pin with the server's operator"), line);
    }

    @Test
    void describe_whenNotSignedByTheCaFile_thenNamesTheFileItsCaAndWhereToGetTheRightOne() {
        String line = refused(new CertificateRefusal.NotSignedByTrustedCa(false, Path.of("certs/ca.pem"),
                List.of(PIN_A), "CN=tlsquiz development CA 3F2A9C (host box)"));
        assertEquals("the server's certificate for quiz.example.org is not signed by the CA in certs/ca.pem (" + PIN_A
                + "; it names its issuer as 'CN=tlsquiz development CA 3F2A9C (host box)'); get the CA file from the"
                + " server's operator (its start-up line 'CA fingerprint SHA256:...' names the CA it uses), or check"
                + " that --host names the server you meant", line);
        assertFalse(line.contains("pass --cafile"), line);
        assertTrue(refused(new CertificateRefusal.NotSignedByTrustedCa(true, Path.of("ca.pem"), List.of(PIN_A),
                "CN=quiz")).contains("; it is self-signed)"));
    }

    @Test
    void describe_whenTheIssuerNameHoldsControlCharacters_thenTheyAreShownVisibly() {
        String line = refused(new CertificateRefusal.NotSignedByTrustedCa(false, Path.of("ca.pem"), List.of(PIN_A),
                "CN=evil\u001b[2J\r\n"));
        assertFalse(line.chars().anyMatch(c -> c < 0x20), line);
    }

    @Test
    void describe_whenHostNotNamed_thenNamesTheSans() {
        assertEquals("the server's certificate does not name host 'quiz.example.org' (it names: other.example);"
                + " connect with one of those names or ask the operator to issue a certificate with --san"
                + " quiz.example.org", refused(new CertificateRefusal.HostNotNamed(List.of("other.example"))));
        assertTrue(refused(new CertificateRefusal.HostNotNamed(List.of())).contains("(it names: nothing)"));
    }

    @Test
    void describe_whenDatesOrUsageWrong_thenSaysWhichAndWhatToDo() {
        Instant when = Instant.parse("2026-01-02T03:04:05Z");
        assertEquals("the server's certificate for quiz.example.org:26062 expired on 2026-01-02T03:04:05Z; ask the"
                + " server operator to renew it (and check this machine's clock)",
                refused(new CertificateRefusal.Expired(when)));
        assertEquals("the server's certificate for quiz.example.org:26062 is not valid before 2026-01-02T03:04:05Z;"
                + " check this machine's clock, or ask the operator to issue one valid now",
                refused(new CertificateRefusal.NotYetValid(when)));
        assertTrue(refused(new CertificateRefusal.NotForServers()).contains("not meant for servers"));
        assertTrue(refused(new CertificateRefusal.ChainRefused("bad chain")).contains("was refused: bad chain"));
    }

    @Test
    void describe_whenPinDiffers_thenWarningShowsBothPins() {
        String line = refused(new CertificateRefusal.KeyPinMismatch(PIN_A, PIN_B));
        assertTrue(line.startsWith("WARNING: ") && line.contains("intercepting"), line);
        assertTrue(line.contains(PIN_A) && line.contains(PIN_B), line);
    }

    @Test
    void describe_whenPinIsTheCertificateFingerprint_thenSaysSoAndHowToGetTheKeyPin() {
        String line = refused(new CertificateRefusal.CertificateFingerprintAsPin(PIN_A, PIN_B));
        assertTrue(line.contains("certificate fingerprint, not the key pin"), line);
        assertTrue(line.contains("quiz-server certs show"), line);
        assertTrue(line.contains("key pin: SHA256:"), line);
        assertTrue(line.contains(PIN_B), line);
    }

    @Test
    void describe_whenKnownKeyChanged_thenNamesFileLineAndTheRemoveCommand() throws Exception {
        Path file = Path.of("/home/ada/.tlsquiz/known_hosts");
        KnownHosts.Entry entry = new KnownHosts.Entry(3, new KnownHosts.Address(HOST, PORT), PIN_A, null,
                HOST + ":" + PORT + " " + PIN_A);
        String line = HandshakeFailureText.describe(HandshakeFailure.classify(
                new ServerKeyChangedException(HOST, PORT, file, entry, PIN_B), HOST, PORT));
        assertEquals("WARNING: the key of the server at quiz.example.org:26062 has changed: line 3 of " + file
                + " holds " + PIN_A + ", and the server presented " + PIN_B + "; someone may be intercepting the"
                + " connection. If the operator confirms that " + PIN_B + " is the server's key, run 'quiz"
                + " known-hosts remove quiz.example.org:26062' (or delete line 3 of " + file + ") and connect again",
                line);
    }

    @Test
    void describe_whenChangedEntryUnreadable_thenItsProblemIsSanitised() {
        KnownHosts.Entry entry = new KnownHosts.Entry(2, new KnownHosts.Address(HOST, PORT), null,
                "bad pin \u001b[2J", "garbage");
        String line = HandshakeFailureText.describe(HandshakeFailure.classify(
                new ServerKeyChangedException(HOST, PORT, Path.of("kh"), entry, PIN_B), HOST, PORT));
        assertTrue(line.contains("whose pin cannot be read"), line);
        assertFalse(line.contains("\u001b"), line);
    }
}
