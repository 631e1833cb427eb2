package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.handler.codec.DecoderException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * Classification details that the loopback handshakes do not reach; the handshake tests cover every
 * kind a real failure produces, on both providers.
 */
class HandshakeFailureTest {

    @Test
    void classify_whenConnectionClosedMidHandshake_thenOtherWithNoDetail() {
        SSLHandshakeException closed = new SSLHandshakeException("Connection closed while SSL/TLS handshake was in progress");
        closed.initCause(new ClosedChannelException());
        HandshakeFailure failure = HandshakeFailure.classify(closed, "quiz.example.org", 26062);
        assertEquals(HandshakeFailure.Kind.OTHER, failure.kind());
        assertEquals("", failure.detail());
        assertEquals("quiz.example.org", failure.host());
        assertEquals(26062, failure.port());
    }

    @Test
    void classify_whenTofuExceptionIsWrapped_thenFoundThroughTheCauseChain() {
        UnknownServerKeyException unknown = new UnknownServerKeyException("::1", 26062, "SHA256:" + "ab".repeat(32),
                "SHA256:" + "cd".repeat(32), "CN=quiz", "CN=quiz");
        SSLHandshakeException engine = new SSLHandshakeException("verify failed");
        engine.initCause(unknown);
        HandshakeFailure failure = HandshakeFailure.classify(new DecoderException(engine), "::1", 26062);
        assertEquals(HandshakeFailure.Kind.UNKNOWN_SERVER_KEY, failure.kind());
        assertEquals(Optional.of(unknown), failure.unknownServerKey());
        assertEquals("::1", failure.host());
    }

    @Test
    void classify_whenBoringSslAlertNames_thenSameKindsAsJdkNames() {
        assertEquals(HandshakeFailure.Kind.PROTOCOL_VERSION, HandshakeFailure.classify(new SSLHandshakeException(
                "error:1000042e:SSL routines:OPENSSL_internal:TLSV1_ALERT_PROTOCOL_VERSION"), "h", 1).kind());
        assertEquals(HandshakeFailure.Kind.PROTOCOL_VERSION, HandshakeFailure.classify(new SSLHandshakeException(
                "Received fatal alert: protocol_version"), "h", 1).kind());
        assertEquals(HandshakeFailure.Kind.CLIENT_CERTIFICATE_REJECTED, HandshakeFailure.classify(
                new SSLHandshakeException("error:10000414:SSL routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_REVOKED"),
                "h", 1).kind());
    }

    @Test
    void classify_whenRevokedOrUnknownCa_thenTellsThePlayerWhatHappened() {
        HandshakeFailure revoked = HandshakeFailure.classify(new SSLHandshakeException(
                "Received fatal alert: certificate_revoked"), "quiz.example.org", 26062, true);
        assertEquals(HandshakeFailure.Kind.CLIENT_CERTIFICATE_REJECTED, revoked.kind());
        assertEquals("certificate_revoked", revoked.detail());
        HandshakeFailure unknownCa = HandshakeFailure.classify(new SSLHandshakeException(
                "error:10000418:SSL routines:OPENSSL_internal:TLSV1_ALERT_UNKNOWN_CA"), "quiz.example.org", 26062, true);
        assertEquals(HandshakeFailure.Kind.CLIENT_CERTIFICATE_REJECTED, unknownCa.kind());
        assertEquals("unknown_ca", unknownCa.detail());
    }

    @Test
    void constructor_whenTofuExceptionMissingForUnknownKey_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HandshakeFailure(
                HandshakeFailure.Kind.UNKNOWN_SERVER_KEY, "x", 1, "", Optional.empty()));
    }
}
