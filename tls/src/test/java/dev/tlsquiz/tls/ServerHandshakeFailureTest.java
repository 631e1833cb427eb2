package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server's one-line view of failed handshakes, in the spellings both providers use, and from real
 * handshakes over loopback. Refusals of client certificates are covered by {@link MutualTlsTest}.
 */
class ServerHandshakeFailureTest {

    private static EventLoopGroup group;
    private static TestPki pki;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TlsTestSupport.requireOpenSsl();
        group = TlsLoopback.newGroup();
        pki = TestPki.create(dir);
    }

    @AfterAll
    static void tearDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void classify_whenTheProjectsClientDoesNotTrustTheServer_thenTheLogSaysTheClientRefusedItsCertificate(
            TlsProvider provider) {
        try (ServerTls server = TlsTestSupport.openServer(TlsTestSupport.serverConfig(pki.server(), provider));
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls client = TlsTestSupport.caClient(pki.otherCa().cert(), provider)) {
            TlsLoopback.Outcome outcome = loopback.connect(client, "localhost").assertRefused();
            ServerHandshakeFailure failure = classify(outcome.serverFailure());
            assertEquals(ServerHandshakeFailure.Kind.SERVER_CERTIFICATE_REFUSED, failure.kind(), failure.description());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void classify_whenClientOffersOnlyTls12_thenProtocolVersion(TlsProvider provider) throws Exception {
        SslContext tls12 = SslContextBuilder.forClient().sslProvider(provider.resolve()).protocols("TLSv1.2")
                .trustManager(pki.caCert().toFile()).build();
        try (ServerTls server = TlsTestSupport.openServer(TlsTestSupport.serverConfig(pki.server(), provider));
             TlsLoopback loopback = TlsLoopback.start(group, server)) {
            TlsLoopback.Outcome outcome = loopback.connect(alloc -> tls12.newHandler(alloc, "localhost", loopback.port()));
            ServerHandshakeFailure failure = classify(outcome.serverFailure());
            assertEquals(ServerHandshakeFailure.Kind.PROTOCOL_VERSION, failure.kind(), failure.description());
        } finally {
            ReferenceCountUtil.release(tls12);
        }
    }

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
