package dev.tlsquiz.tls;

import static dev.tlsquiz.tls.TlsTestSupport.ALPN_ID;
import static dev.tlsquiz.tls.TlsTestSupport.openServer;
import static dev.tlsquiz.tls.TlsTestSupport.serverConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Protocol versions and ALPN, tested with clients that tlsquiz would never build: plain Netty contexts
 * forced to an old version or to another application protocol.
 */
class ProtocolAndAlpnTest {

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

    /** Connects to a server of {@code profile} with a raw client context. */
    private static TlsLoopback.Outcome connect(TlsProvider provider, TlsProfile profile, SslContext rawClient) {
        try (ServerTls server = openServer(serverConfig(pki.server(), provider).withProfile(profile));
             TlsLoopback loopback = TlsLoopback.start(group, server)) {
            return loopback.connect(alloc -> rawClient.newHandler(alloc, "localhost", loopback.port()));
        } finally {
            ReferenceCountUtil.release(rawClient);
        }
    }

    private static SslContextBuilder rawClient(SslProvider provider) {
        return SslContextBuilder.forClient().sslProvider(provider).trustManager(pki.caCert().toFile());
    }

    private static SslContext tls12Client(TlsProvider provider) throws SSLException {
        return rawClient(provider.resolve()).protocols("TLSv1.2").build();
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenClientOnlySpeaksTls12AndServerIsModern_thenProtocolVersionRefusal(TlsProvider provider)
            throws SSLException {
        TlsLoopback.Outcome outcome = connect(provider, TlsProfile.MODERN, tls12Client(provider)).assertRefused();
        HandshakeFailure failure = HandshakeFailure.classify(outcome.clientFailure(), "localhost", 26062);
        assertEquals(HandshakeFailure.Kind.PROTOCOL_VERSION, failure.kind(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenClientOnlySpeaksTls12AndServerIsIntermediate_thenTls12WithEcdheAead(TlsProvider provider)
            throws SSLException {
        TlsLoopback.Outcome outcome = connect(provider, TlsProfile.INTERMEDIATE, tls12Client(provider))
                .assertSucceeded();
        assertEquals("TLSv1.2", outcome.serverSession().getProtocol());
        String suite = outcome.serverSession().getCipherSuite();
        assertEquals(true, suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("CHACHA20")),
                suite);
    }

    @ParameterizedTest
    @EnumSource(value = TlsProfile.class)
    void handshake_whenClientForcesTls11_thenRefusedByEitherProvider(TlsProfile profile) throws SSLException {
        // The JDK disables TLS 1.1 in java.security, so BoringSSL plays the old client for both servers.
        for (TlsProvider provider : new TlsProvider[] {TlsProvider.OPENSSL, TlsProvider.JDK}) {
            SslContext tls11 = rawClient(SslProvider.OPENSSL).protocols("TLSv1.1").build();
            connect(provider, profile, tls11).assertRefused();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenClientOffersOnlyAnotherAlpnProtocol_thenRefusedWithNoApplicationProtocol(TlsProvider provider)
            throws SSLException {
        SslContext http = rawClient(provider.resolve())
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, "http/1.1"))
                .build();
        TlsLoopback.Outcome outcome = connect(provider, TlsProfile.MODERN, http).assertRefused();
        HandshakeFailure failure = HandshakeFailure.classify(outcome.clientFailure(), "localhost", 26062);
        assertEquals(HandshakeFailure.Kind.NO_COMMON_ALPN, failure.kind(), failure.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenClientOffersTlsquizAmongOthers_thenTlsquizSelected(TlsProvider provider) throws SSLException {
        SslContext both = rawClient(provider.resolve())
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, "h2", ALPN_ID))
                .build();
        TlsLoopback.Outcome outcome = connect(provider, TlsProfile.MODERN, both).assertSucceeded();
        assertEquals(ALPN_ID, outcome.clientAlpn());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenServerConfiguredWithAnotherAlpnId_thenThatIdSelected(TlsProvider provider)
            throws SSLException {
        // The id comes from the config, not from a constant inside the TLS module.
        ServerTlsConfig base = serverConfig(pki.server(), provider);
        ServerTlsConfig other = new ServerTlsConfig(base.certFile(), base.keyFile(), base.parameters(),
                ClientCertificates.NONE, base.reloadInterval(), "other/2");
        SslContext client = rawClient(provider.resolve())
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ALPN_ID, "other/2"))
                .build();
        try (ServerTls server = openServer(other);
             TlsLoopback loopback = TlsLoopback.start(group, server)) {
            TlsLoopback.Outcome outcome = loopback.connect(alloc -> client.newHandler(alloc, "localhost",
                    loopback.port())).assertSucceeded();
            assertEquals("other/2", outcome.clientAlpn());
        } finally {
            ReferenceCountUtil.release(client);
        }
    }

    @Test
    void config_whenAlpnIdEmptyOrNotPrintableAscii_thenRefused() {
        ServerTlsConfig base = serverConfig(pki.server(), TlsProvider.JDK);
        for (String bad : new String[] {"", "tls quiz", "tlsquiz/\u00e9", "x".repeat(256)}) {
            assertThrows(IllegalArgumentException.class,
                    () -> ServerTlsConfig.of(base.certFile(), base.keyFile(), bad), bad);
            assertThrows(IllegalArgumentException.class,
                    () -> ClientTlsConfig.of(new ClientTrust.Pin("SHA256:00"), bad), bad);
        }
    }
}
