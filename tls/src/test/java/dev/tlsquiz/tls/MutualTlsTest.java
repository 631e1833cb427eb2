package dev.tlsquiz.tls;

import static dev.tlsquiz.tls.TlsTestSupport.client;
import static dev.tlsquiz.tls.TlsTestSupport.openServer;
import static dev.tlsquiz.tls.TlsTestSupport.serverConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
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
                clientCredentials == null ? null : clientCredentials.key(), provider, TlsProfile.MODERN);
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
        assertEquals(HandshakeFailure.Kind.CLIENT_CERTIFICATE_REQUIRED, failure.kind(), failure.message());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenClientCertificateFromAnotherCa_thenRefusedAsRejected(TlsProvider provider) {
        Result result = run(provider, ClientAuthMode.REQUIRE, null, pki.clientFromOtherCa("mallory"));
        result.outcome().assertRefused();
        HandshakeFailure failure = result.clientView();
        assertEquals(HandshakeFailure.Kind.CLIENT_CERTIFICATE_REJECTED, failure.kind(), failure.message());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void require_whenClientCertificateRevoked_thenRefusedAsRejected(TlsProvider provider) {
        TestPki.Credentials bob = pki.clientCert("bob");
        Path crl = pki.writeCrl(bob.certificate());
        Result result = run(provider, ClientAuthMode.REQUIRE, crl, bob);
        result.outcome().assertRefused();
        HandshakeFailure failure = result.clientView();
        assertEquals(HandshakeFailure.Kind.CLIENT_CERTIFICATE_REJECTED, failure.kind(), failure.message());
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
}
