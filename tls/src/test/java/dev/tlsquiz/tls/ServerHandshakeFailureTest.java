package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The server's one-line view of failed handshakes, in the spellings both providers use. Refusals of
 * client certificates, which need a real handshake, are covered by {@link MutualTlsTest}.
 */
class ServerHandshakeFailureTest {

    private static ServerHandshakeFailure classify(Throwable cause) {
        return ServerHandshakeFailure.classify(cause);
    }

    @Test
    void classify_whenNotTls_thenNotTlsWithoutTheHexDumpOfThePeersBytes() {
        String hex = "474554202f20485454502f312e310d0a".repeat(256);
        ServerHandshakeFailure failure = classify(new DecoderException(new NotSslRecordException(
                "not an SSL/TLS record: " + hex)));
        assertEquals(ServerHandshakeFailure.Kind.NOT_TLS, failure.kind());
        assertEquals("not TLS: the client sent something else (plain text, HTTP or another protocol)",
                failure.description());
    }

    @Test
    void classify_whenOtherMessageHoldsHex_thenTheHexIsLeftOutAndTheLineIsBounded() {
        ServerHandshakeFailure failure = classify(new SSLException("odd record " + "ab".repeat(2000) + "\nforged"));
        assertEquals(ServerHandshakeFailure.Kind.OTHER, failure.kind());
        assertEquals("\"SSLException: odd record (bytes not logged)\\x0aforged\"", failure.description());
    }

    @Test
    void classify_whenClientRefusedTheServerCertificate_thenSaysSoInBothSpellings() {
        for (String message : new String[] {"error:10000412:SSL routines:OPENSSL_internal:SSLV3_ALERT_BAD_CERTIFICATE",
                "Received fatal alert: certificate_unknown", "error:10000418:SSL routines:OPENSSL_internal:TLSV1_ALERT_UNKNOWN_CA"}) {
            ServerHandshakeFailure failure = classify(new SSLHandshakeException(message));
            assertEquals(ServerHandshakeFailure.Kind.SERVER_CERTIFICATE_REFUSED, failure.kind(), message);
            assertTrue(failure.description().startsWith("the client refused this server's certificate (alert "),
                    failure.description());
        }
    }

    @Test
    void classify_whenNoClientCertificate_thenMissingInBothSpellings() {
        for (String message : new String[] {"error:100000c0:SSL routines:OPENSSL_internal:PEER_DID_NOT_RETURN_A_CERTIFICATE",
                "Empty client certificate chain"}) {
            assertEquals(ServerHandshakeFailure.Kind.CLIENT_CERTIFICATE_MISSING,
                    classify(new SSLHandshakeException(message)).kind(), message);
        }
    }

    @Test
    void classify_whenNoCommonVersionOrAlpn_thenSaysWhichInBothSpellings() {
        for (String message : new String[] {"error:100000f0:SSL routines:OPENSSL_internal:UNSUPPORTED_PROTOCOL",
                "Client requested protocol TLSv1.2 is not enabled or supported in server context",
                "The client supported protocol versions [TLSv1.2] are not accepted by server preferences [TLSv1.3]"}) {
            assertEquals(ServerHandshakeFailure.Kind.PROTOCOL_VERSION, classify(new SSLHandshakeException(message)).kind(),
                    message);
        }
        assertEquals(ServerHandshakeFailure.Kind.NO_APPLICATION_PROTOCOL,
                classify(new SSLHandshakeException("No matching application layer protocol values")).kind());
    }

    @Test
    void classify_whenTimedOutOrClosed_thenTimeoutOrClosed() {
        assertEquals(ServerHandshakeFailure.Kind.TIMEOUT,
                classify(new SslHandshakeTimeoutException("handshake timed out after 10000ms")).kind());
        SSLHandshakeException closed = new SSLHandshakeException("Connection closed while SSL/TLS handshake was in progress");
        closed.initCause(new ClosedChannelException());
        assertEquals(ServerHandshakeFailure.Kind.CLOSED, classify(closed).kind());
    }

    @Test
    void classify_whenClientSentAnotherAlert_thenNamesItOnly() {
        ServerHandshakeFailure failure = classify(new SSLException("Received fatal alert: internal_error"));
        assertEquals(ServerHandshakeFailure.Kind.OTHER, failure.kind());
        assertEquals("the client ended the handshake with alert internal_error", failure.description());
        assertFalse(failure.description().contains("\n"));
    }
}
