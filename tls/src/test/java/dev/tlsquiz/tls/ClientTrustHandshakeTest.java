package dev.tlsquiz.tls;

import static dev.tlsquiz.tls.TlsTestSupport.ALPN_ID;
import static dev.tlsquiz.tls.TlsTestSupport.caClient;
import static dev.tlsquiz.tls.TlsTestSupport.client;
import static dev.tlsquiz.tls.TlsTestSupport.openServer;
import static dev.tlsquiz.tls.TlsTestSupport.serverConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real handshakes over loopback: how a client judges the server's certificate, on both providers. */
class ClientTrustHandshakeTest {

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

    /** Runs one handshake of a client against a server presenting {@code serverCredentials}. */
    private static TlsLoopback.Outcome handshake(TestPki.Credentials serverCredentials, ClientTls clientTls,
                                                 String host, TlsProvider provider) {
        try (ServerTls server = openServer(serverConfig(serverCredentials, provider));
             TlsLoopback loopback = TlsLoopback.start(group, server);
             clientTls) {
            return loopback.connect(clientTls, host);
        }
    }

    private static HandshakeFailure refusedBy(TlsLoopback.Outcome outcome, String host) {
        assertTrue(outcome.clientFailure() != null, "the client should have refused the server");
        return HandshakeFailure.classify(outcome.clientFailure(), host, 26062);
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenCaTrustedAndHostIsLocalhost_thenSucceedsWithTls13AndAlpn(TlsProvider provider) {
        TlsLoopback.Outcome outcome = handshake(pki.server(), caClient(pki.caCert(), provider), "localhost", provider)
                .assertSucceeded();
        assertEquals("TLSv1.3", outcome.clientSession().getProtocol());
        assertEquals(ALPN_ID, outcome.clientAlpn());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenClientUsesTheOtherProvider_thenSucceedsWithAlpn(TlsProvider serverProvider) {
        TlsProvider clientProvider = serverProvider == TlsProvider.JDK ? TlsProvider.OPENSSL : TlsProvider.JDK;
        TlsLoopback.Outcome outcome = handshake(pki.server(), caClient(pki.caCert(), clientProvider), "localhost",
                serverProvider).assertSucceeded();
        assertEquals(ALPN_ID, outcome.clientAlpn());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenCaTrustedAndHostIsIpLiteral_thenSucceedsWithoutSni(TlsProvider provider) {
        TlsLoopback.Outcome outcome = handshake(pki.server(), caClient(pki.caCert(), provider), "127.0.0.1", provider)
                .assertSucceeded();
        assertEquals(List.of(), outcome.serverSni());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenHostIsDnsName_thenClientSendsSni(TlsProvider provider) {
        TlsLoopback.Outcome outcome = handshake(pki.server(), caClient(pki.caCert(), provider), "localhost", provider)
                .assertSucceeded();
        assertEquals(List.of(new SNIHostName("localhost")), outcome.serverSni());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenServerSignedByUnknownCa_thenUntrustedCertificate(TlsProvider provider) {
        TlsLoopback.Outcome outcome = handshake(pki.serverFromOtherCa(), caClient(pki.caCert(), provider),
                "127.0.0.1", provider);
        HandshakeFailure failure = refusedBy(outcome, "127.0.0.1");
        assertEquals(HandshakeFailure.Kind.UNTRUSTED_CERTIFICATE, failure.kind(), failure.toString());
        assertEquals(Optional.of(new CertificateRefusal.NotSignedByTrustedCa(false, pki.caCert(),
                        List.of(Fingerprints.certificate(pki.ca().certificate())),
                        pki.serverFromOtherCa().certificate().getIssuerX500Principal().getName())),
                failure.certificateRefusal(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenHostNotInSans_thenHostnameMismatchNamingTheSans(TlsProvider provider) {
        TlsLoopback.Outcome outcome = handshake(pki.serverWithSans("other.example"),
                caClient(pki.caCert(), provider), "localhost", provider);
        HandshakeFailure failure = refusedBy(outcome, "localhost");
        assertEquals(HandshakeFailure.Kind.HOSTNAME_MISMATCH, failure.kind(), failure.toString());
        assertEquals(Optional.of(new CertificateRefusal.HostNotNamed(List.of("other.example"))),
                failure.certificateRefusal(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenIpLiteralNotInSans_thenHostnameMismatch(TlsProvider provider) {
        TlsLoopback.Outcome outcome = handshake(pki.serverWithSans("localhost"),
                caClient(pki.caCert(), provider), "127.0.0.1", provider);
        HandshakeFailure failure = refusedBy(outcome, "127.0.0.1");
        assertEquals(HandshakeFailure.Kind.HOSTNAME_MISMATCH, failure.kind(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenServerCertificateExpired_thenExpired(TlsProvider provider) {
        HandshakeFailure failure = refusedBy(handshake(pki.expiredServer(), caClient(pki.caCert(), provider),
                "localhost", provider), "localhost");
        assertEquals(HandshakeFailure.Kind.EXPIRED, failure.kind(), failure.toString());
        assertInstanceOf(CertificateRefusal.Expired.class, failure.certificateRefusal().orElseThrow(),
                failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenServerCertificateNotYetValid_thenNotYetValid(TlsProvider provider) {
        HandshakeFailure failure = refusedBy(handshake(pki.notYetValidServer(), caClient(pki.caCert(), provider),
                "localhost", provider), "localhost");
        assertEquals(HandshakeFailure.Kind.NOT_YET_VALID, failure.kind(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenServerPresentsClientOnlyCertificate_thenNotAServerCertificate(TlsProvider provider) {
        HandshakeFailure failure = refusedBy(handshake(pki.clientOnlyCertAsServer(),
                caClient(pki.caCert(), provider), "localhost", provider), "localhost");
        assertEquals(HandshakeFailure.Kind.NOT_A_SERVER_CERTIFICATE, failure.kind(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenServerCertificateSelfSigned_thenUntrustedCertificate(TlsProvider provider) {
        HandshakeFailure failure = refusedBy(handshake(pki.selfSignedServer(), caClient(pki.caCert(), provider),
                "localhost", provider), "localhost");
        assertEquals(HandshakeFailure.Kind.UNTRUSTED_CERTIFICATE, failure.kind(), failure.toString());
        CertificateRefusal.NotSignedByTrustedCa refusal =
                (CertificateRefusal.NotSignedByTrustedCa) failure.certificateRefusal().orElseThrow();
        assertTrue(refusal.selfSigned(), refusal.toString());
        assertEquals(pki.caCert(), refusal.caFile());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenPinMatches_thenSucceedsWithoutCa(TlsProvider provider) {
        TestPki.Credentials selfSigned = pki.selfSignedServer();
        String pin = Fingerprints.publicKeyPin(selfSigned.certificate());
        // The pin is the whole decision: no CA, and any name (here one the certificate does not hold).
        handshake(selfSigned, client(new ClientTrust.Pin(pin.toUpperCase()), provider), "quiz.invalid", provider)
                .assertSucceeded();
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenPinDiffers_thenPinMismatchWarningShowsBothPins(TlsProvider provider) {
        String wrongPin = Fingerprints.publicKeyPin(pki.selfSignedServer().certificate());
        String presented = Fingerprints.publicKeyPin(pki.server().certificate());
        HandshakeFailure failure = refusedBy(handshake(pki.server(), client(new ClientTrust.Pin(wrongPin), provider),
                "localhost", provider), "localhost");
        assertEquals(HandshakeFailure.Kind.PIN_MISMATCH, failure.kind(), failure.toString());
        assertEquals(Optional.of(new CertificateRefusal.KeyPinMismatch(wrongPin, presented)),
                failure.certificateRefusal(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenTrustOnFirstUse_thenUnknownThenRememberedThenChangedKeyRefused(TlsProvider provider)
            throws Exception {
        Path knownHostsFile = dir.resolve("known_hosts-" + provider);
        ClientTrust trust = new ClientTrust.SystemThenKnownHosts(knownHostsFile);
        String pin = Fingerprints.publicKeyPin(pki.server().certificate());

        try (ServerTls server = openServer(serverConfig(pki.server(), provider));
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = client(trust, provider)) {
            HandshakeFailure first = HandshakeFailure.classify(loopback.connect(clientTls, "localhost").clientFailure(),
                    "localhost", loopback.port());
            assertEquals(HandshakeFailure.Kind.UNKNOWN_SERVER_KEY, first.kind(), first.toString());
            UnknownServerKeyException unknown = first.unknownServerKey().orElseThrow();
            assertEquals(pin, unknown.pin());
            assertEquals("localhost", unknown.host());
            assertEquals(loopback.port(), unknown.port());
            assertEquals(Fingerprints.certificate(pki.server().certificate()), unknown.certificateFingerprint());

            KnownHosts.at(knownHostsFile).remember(unknown.host(), unknown.port(), unknown.pin());
            loopback.connect(clientTls, "localhost").assertSucceeded();

            try (ServerTls otherKey = openServer(serverConfig(pki.selfSignedServer(), provider));
                 TlsLoopback impostor = TlsLoopback.start(group, otherKey)) {
                // The impostor listens on another port: remember the real key for that host and port.
                KnownHosts.at(knownHostsFile).remember("localhost", impostor.port(), pin);
                TlsLoopback.Outcome outcome = impostor.connect(clientTls, "localhost");
                HandshakeFailure changed = HandshakeFailure.classify(outcome.clientFailure(), "localhost",
                        impostor.port());
                assertEquals(HandshakeFailure.Kind.SERVER_KEY_CHANGED, changed.kind(), changed.toString());
                String presented = Fingerprints.publicKeyPin(otherKey.certificate());
                ServerKeyChangedException keyChanged = changed.serverKeyChanged().orElseThrow();
                assertEquals(pin, keyChanged.knownPin());
                assertEquals(presented, keyChanged.presentedPin());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenCaFileAndPin_thenChainHostAndPinMustAllHold(TlsProvider provider) {
        String pin = Fingerprints.publicKeyPin(pki.server().certificate());
        String otherPin = Fingerprints.publicKeyPin(pki.selfSignedServer().certificate());

        handshake(pki.server(), client(new ClientTrust.CaFile(pki.caCert(), pin), provider), "localhost", provider)
                .assertSucceeded();
        HandshakeFailure wrongPin = refusedBy(handshake(pki.server(),
                client(new ClientTrust.CaFile(pki.caCert(), otherPin), provider), "localhost", provider), "localhost");
        assertEquals(HandshakeFailure.Kind.PIN_MISMATCH, wrongPin.kind(), wrongPin.toString());
        HandshakeFailure wrongHost = refusedBy(handshake(pki.serverWithSans("other.example"),
                client(new ClientTrust.CaFile(pki.caCert(), null), provider), "localhost", provider), "localhost");
        assertEquals(HandshakeFailure.Kind.HOSTNAME_MISMATCH, wrongHost.kind(), wrongHost.toString());
        TestPki.Credentials selfSigned = pki.selfSignedServer();
        HandshakeFailure wrongCa = refusedBy(handshake(selfSigned, client(new ClientTrust.CaFile(pki.caCert(),
                Fingerprints.publicKeyPin(selfSigned.certificate())), provider), "localhost", provider), "localhost");
        assertEquals(HandshakeFailure.Kind.UNTRUSTED_CERTIFICATE, wrongCa.kind(), wrongCa.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenPinIsTheCertificateFingerprint_thenRefusedSayingSoAndHowToGetTheKeyPin(TlsProvider provider) {
        String certificateFingerprint = Fingerprints.certificate(pki.server().certificate());
        String keyPin = Fingerprints.publicKeyPin(pki.server().certificate());
        HandshakeFailure failure = refusedBy(handshake(pki.server(),
                client(new ClientTrust.Pin(certificateFingerprint), provider), "localhost", provider), "localhost");
        assertEquals(HandshakeFailure.Kind.PIN_MISMATCH, failure.kind(), failure.toString());
        assertEquals(Optional.of(new CertificateRefusal.CertificateFingerprintAsPin(certificateFingerprint, keyPin)),
                failure.certificateRefusal(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenKnownEntryHasTrailingComment_thenItsKeyIsKnown(TlsProvider provider) throws Exception {
        Path knownHostsFile = dir.resolve("known_hosts-comment-" + provider);
        String pin = Fingerprints.publicKeyPin(pki.server().certificate());
        try (ServerTls server = openServer(serverConfig(pki.server(), provider));
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = client(new ClientTrust.SystemThenKnownHosts(knownHostsFile), provider)) {
            Files.writeString(knownHostsFile, "# servers\n\nlocalhost:" + loopback.port() + " " + pin
                    + "  # the test server\n", StandardCharsets.UTF_8);
            loopback.connect(clientTls, "localhost").assertSucceeded();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenEntryWithCommentHoldsAnotherKey_thenRefusedAsChangedNamingFileAndLine(TlsProvider provider)
            throws Exception {
        String otherPin = Fingerprints.publicKeyPin(pki.selfSignedServer().certificate());
        HandshakeFailure changed = handshakeWithKnownHostsLine(provider, "comment",
                port -> "localhost:" + port + " " + otherPin + " # renewed in March");
        assertEquals(HandshakeFailure.Kind.SERVER_KEY_CHANGED, changed.kind(), changed.toString());
        ServerKeyChangedException keyChanged = changed.serverKeyChanged().orElseThrow();
        assertEquals(otherPin, keyChanged.knownPin());
        assertEquals(3, keyChanged.line());
        assertEquals(dir.resolve("known_hosts-comment-" + provider), keyChanged.knownHostsFile());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenEntryPinTruncated_thenRefusedAsChangedRatherThanUnknown(TlsProvider provider) throws Exception {
        String truncated = Fingerprints.publicKeyPin(pki.selfSignedServer().certificate()).substring(0, 30);
        HandshakeFailure changed = handshakeWithKnownHostsLine(provider, "truncated",
                port -> "localhost:" + port + " " + truncated);
        assertEquals(HandshakeFailure.Kind.SERVER_KEY_CHANGED, changed.kind(), changed.toString());
        ServerKeyChangedException keyChanged = changed.serverKeyChanged().orElseThrow();
        assertEquals(3, keyChanged.line());
        assertEquals(dir.resolve("known_hosts-truncated-" + provider), keyChanged.knownHostsFile());
        assertNull(keyChanged.knownPin());
        assertFalse(keyChanged.knownLineProblem().isEmpty());
    }

    /** Connects with a known-hosts file of two comment lines and then {@code line}, and classifies the refusal. */
    private static HandshakeFailure handshakeWithKnownHostsLine(TlsProvider provider, String name,
                                                                IntFunction<String> line) throws Exception {
        Path knownHostsFile = dir.resolve("known_hosts-" + name + "-" + provider);
        try (ServerTls server = openServer(serverConfig(pki.server(), provider));
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = client(new ClientTrust.SystemThenKnownHosts(knownHostsFile), provider)) {
            Files.writeString(knownHostsFile, "# servers\n\n" + line.apply(loopback.port()) + "\n",
                    StandardCharsets.UTF_8);
            TlsLoopback.Outcome outcome = loopback.connect(clientTls, "localhost");
            assertTrue(outcome.clientFailure() != null, "the client should have refused the server");
            return HandshakeFailure.classify(outcome.clientFailure(), "localhost", loopback.port());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenClientOffersNoAlpn_thenAccepted(TlsProvider provider) throws Exception {
        try (ServerTls server = openServer(serverConfig(pki.server(), provider));
             TlsLoopback loopback = TlsLoopback.start(group, server)) {
            io.netty.handler.ssl.SslContext plain = io.netty.handler.ssl.SslContextBuilder.forClient()
                    .sslProvider(provider.resolve())
                    .trustManager(pki.caCert().toFile())
                    .build();
            TlsLoopback.Outcome outcome = loopback.connect(alloc -> plain.newHandler(alloc, "localhost", loopback.port()))
                    .assertSucceeded();
            assertNull(outcome.clientAlpn());
            io.netty.util.ReferenceCountUtil.release(plain);
        }
    }
}
