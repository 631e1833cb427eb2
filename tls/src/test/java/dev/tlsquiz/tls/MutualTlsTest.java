package dev.tlsquiz.tls;

import static dev.tlsquiz.tls.TlsTestSupport.ALPN_ID;
import static dev.tlsquiz.tls.TlsTestSupport.client;
import static dev.tlsquiz.tls.TlsTestSupport.openServer;
import static dev.tlsquiz.tls.TlsTestSupport.serverConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Client certificates: required, optional, from another CA, revoked; on both providers. */
class MutualTlsTest {

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

    /** The outcome, and the client's one-line view of it. */
    private record Result(TlsLoopback.Outcome outcome, HandshakeFailure clientView) {
    }

    private static TlsLoopback.Outcome connect(TlsProvider provider, ClientAuthMode mode, Path crl,
                                               TestPki.Credentials clientCredentials) {
        return run(provider, mode, crl, clientCredentials).outcome();
    }

    private static Result run(TlsProvider provider, ClientAuthMode mode, Path crl,
                              TestPki.Credentials clientCredentials) {
        ServerTlsConfig config = serverConfig(pki.server(), provider).withClientAuth(mode, pki.caCert(), crl);
        ClientTlsConfig clientConfig = new ClientTlsConfig(new ClientTrust.CaFile(pki.caCert()),
                clientCredentials == null ? null : clientCredentials.cert(),
                clientCredentials == null ? null : clientCredentials.key(), provider, TlsProfile.MODERN, ALPN_ID);
        try (ServerTls server = openServer(config);
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = client(clientConfig)) {
            TlsLoopback.Outcome outcome = loopback.connect(clientTls, "localhost");
            return new Result(outcome, outcome.clientFailure() == null ? null
                    : clientTls.classify(outcome.clientFailure(), "localhost", loopback.port()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenValidClientCertificate_thenPeerIdentityIsItsCommonName(TlsProvider provider) {
        TlsLoopback.Outcome outcome = connect(provider, ClientAuthMode.REQUIRE, null, pki.client()).assertSucceeded();
        assertEquals(Optional.of("alice"), PeerIdentity.clientCommonName(outcome.serverSession()));
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenNoClientCertificate_thenRefusedAsCertificateRequired(TlsProvider provider) {
        Result result = run(provider, ClientAuthMode.REQUIRE, null, null);
        result.outcome().assertRefused();
        HandshakeFailure failure = result.clientView();
        assertEquals(HandshakeFailure.Kind.CLIENT_CERTIFICATE_REQUIRED, failure.kind(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenClientCertificateFromAnotherCa_thenRefusedAsRejected(TlsProvider provider) {
        Result result = run(provider, ClientAuthMode.REQUIRE, null, pki.clientFromOtherCa("mallory"));
        result.outcome().assertRefused();
        HandshakeFailure failure = result.clientView();
        assertEquals(HandshakeFailure.Kind.CLIENT_CERTIFICATE_REJECTED, failure.kind(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenClientCertificateRevoked_thenRefusedAsRejected(TlsProvider provider) {
        TestPki.Credentials bob = pki.clientCert("bob");
        Path crl = pki.writeCrl(bob.certificate());
        Result result = run(provider, ClientAuthMode.REQUIRE, crl, bob);
        result.outcome().assertRefused();
        HandshakeFailure failure = result.clientView();
        assertEquals(HandshakeFailure.Kind.CLIENT_CERTIFICATE_REJECTED, failure.kind(), failure.toString());
        // Another client of the same CA, not on the list, still gets in.
        connect(provider, ClientAuthMode.REQUIRE, crl, pki.client()).assertSucceeded();
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void optional_whenNoClientCertificate_thenAcceptedWithoutIdentity(TlsProvider provider) {
        TlsLoopback.Outcome outcome = connect(provider, ClientAuthMode.OPTIONAL, null, null).assertSucceeded();
        assertEquals(Optional.empty(), PeerIdentity.clientCommonName(outcome.serverSession()));
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void optional_whenClientCertificateFromAnotherCa_thenClientKeepsItAndIsAcceptedWithoutIdentity(
            TlsProvider provider) {
        // The server names the CA it trusts in its CertificateRequest; a client only offers a
        // certificate from that CA, so this one is never sent and the client counts as anonymous.
        TlsLoopback.Outcome outcome = connect(provider, ClientAuthMode.OPTIONAL, null, pki.clientFromOtherCa("eve"))
                .assertSucceeded();
        assertEquals(Optional.empty(), PeerIdentity.clientCommonName(outcome.serverSession()));
    }

    /** What a BoringSSL server sends for a refused certificate, and what the JDK's server sends instead. */
    private static String expectedAlert(TlsProvider provider, String openSslAlert) {
        // sun.security.ssl.CertificateMessage answers every trust-manager refusal with certificate_unknown.
        return provider == TlsProvider.JDK ? "certificate_unknown" : openSslAlert;
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenClientCertificateRevoked_thenCertificateRevokedAlertAndTheLogNamesCnAndSerial(
            TlsProvider provider) {
        TestPki.Credentials dave = pki.clientCert("dave");
        Path crl = pki.writeCrl(dave.certificate());
        TlsLoopback.Outcome outcome = connect(provider, ClientAuthMode.REQUIRE, crl, dave).assertRefused();

        assertTrue(HandshakeFailure.allMessages(outcome.clientFailure())
                .contains(expectedAlert(provider, "certificate_revoked")), outcome.clientFailure().toString());
        ServerHandshakeFailure logged = ServerHandshakeFailure.classify(outcome.serverFailure());
        assertEquals(ServerHandshakeFailure.Kind.CLIENT_CERTIFICATE_REVOKED, logged.kind(), logged.description());
        assertTrue(logged.description().startsWith("revoked client certificate: CN=dave serial "
                + dave.certificate().getSerialNumber().toString(16) + " (revoked "), logged.description());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenClientSendsCertificateFromAnotherCaAnyway_thenUnknownCaAlertAndTheLogSaysSo(
            TlsProvider provider) {
        // A client that presents its certificate whatever CAs the server names (openssl s_client -cert does).
        TlsLoopback.Outcome outcome = stubborn(provider, pki.clientFromOtherCa("mallory")).assertRefused();

        assertTrue(HandshakeFailure.allMessages(outcome.clientFailure())
                .contains(expectedAlert(provider, "unknown_ca")), outcome.clientFailure().toString());
        ServerHandshakeFailure logged = ServerHandshakeFailure.classify(outcome.serverFailure());
        assertEquals(ServerHandshakeFailure.Kind.CLIENT_CERTIFICATE_UNKNOWN_CA, logged.kind(), logged.description());
        assertTrue(logged.description().startsWith("client certificate not issued by the client CA: CN=mallory"
                + " serial "), logged.description());
        assertTrue(logged.description().endsWith(", issuer \"CN=tlsquiz other test CA\""), logged.description());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenClientCertificateExpired_thenCertificateExpiredAlertAndTheLogSaysWhen(TlsProvider provider) {
        TestPki.Credentials old = pki.expiredClient("oldtimer");
        TlsLoopback.Outcome outcome = connect(provider, ClientAuthMode.REQUIRE, null, old).assertRefused();

        assertTrue(HandshakeFailure.allMessages(outcome.clientFailure())
                .contains(expectedAlert(provider, "certificate_expired")), outcome.clientFailure().toString());
        ServerHandshakeFailure logged = ServerHandshakeFailure.classify(outcome.serverFailure());
        assertEquals(ServerHandshakeFailure.Kind.CLIENT_CERTIFICATE_INVALID, logged.kind(), logged.description());
        assertTrue(logged.description().startsWith("client certificate expired: CN=oldtimer serial "),
                logged.description());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenRefusedCertificateHasAForgedName_thenTheLogLineStaysOneEscapedLine(TlsProvider provider) {
        String forged = "eve\n12:00:00.000 INFO  QuizSession: player=admin\u001b[2K";
        KeyStore.PrivateKeyEntry eve = TlsTestSupport.selfSignedClient(forged);
        TlsLoopback.Outcome outcome = stubborn(provider, TlsTestSupport.alwaysPresenting(eve.getPrivateKey(),
                (X509Certificate) eve.getCertificate(), pki.caCert(), provider)).assertRefused();

        String description = ServerHandshakeFailure.classify(outcome.serverFailure()).description();
        assertFalse(description.contains("\n") || description.contains("\u001b"), description);
        assertTrue(description.contains("CN=\"eve\\x0a12:00:00.000 INFO"), description);
    }

    /** Connects with a client that presents {@code credentials} even when the server names another CA. */
    private static TlsLoopback.Outcome stubborn(TlsProvider provider, TestPki.Credentials credentials) {
        return stubborn(provider, TlsTestSupport.alwaysPresenting(credentials, pki.caCert(), provider));
    }

    /** Connects with {@code client}, then releases it. */
    private static TlsLoopback.Outcome stubborn(TlsProvider provider, SslContext client) {
        ServerTlsConfig config = serverConfig(pki.server(), provider)
                .withClientAuth(ClientAuthMode.REQUIRE, pki.caCert(), null);
        try (ServerTls server = openServer(config);
             TlsLoopback loopback = TlsLoopback.start(group, server)) {
            return loopback.connect(alloc -> client.newHandler(alloc, "localhost", loopback.port()));
        } finally {
            ReferenceCountUtil.release(client);
        }
    }
}
