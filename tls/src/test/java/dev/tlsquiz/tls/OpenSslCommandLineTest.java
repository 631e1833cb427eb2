package dev.tlsquiz.tls;

import static dev.tlsquiz.tls.TlsTestSupport.openServer;
import static dev.tlsquiz.tls.TlsTestSupport.serverConfig;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.OpenSsl;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What {@code openssl s_client} sees on the wire: the ALPN refusal and the version floor. */
class OpenSslCommandLineTest {

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

    private static OpenSsl.Result sClient(TlsProvider provider, String... options) {
        return sClient(serverConfig(pki.server(), provider), options);
    }

    private static OpenSsl.Result sClient(ServerTlsConfig config, String... options) {
        try (ServerTls server = openServer(config);
             TlsLoopback loopback = TlsLoopback.start(group, server)) {
            String[] args = new String[options.length + 6];
            args[0] = "s_client";
            args[1] = "-connect";
            args[2] = "127.0.0.1:" + loopback.port();
            args[3] = "-CAfile";
            args[4] = pki.caCert().toString();
            args[5] = "-verify_return_error";
            System.arraycopy(options, 0, args, 6, options.length);
            return OpenSsl.run(args);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void sClient_whenOfferingHttp11_thenNoApplicationProtocolAlert(TlsProvider provider) {
        OpenSsl.assumeAvailable();
        OpenSsl.Result result = sClient(provider, "-alpn", "http/1.1");
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("no application protocol"), result.output());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void sClient_whenOfferingTlsquiz_thenTls13WithAlpnAndVerifiedChain(TlsProvider provider) {
        OpenSsl.assumeAvailable();
        OpenSsl.Result result = sClient(provider, "-alpn", "tlsquiz/1", "-verify_hostname", "localhost");
        assertTrue(result.output().contains("ALPN protocol: tlsquiz/1"), result.output());
        assertTrue(result.output().contains("Protocol  : TLSv1.3") || result.output().contains("TLSv1.3"),
                result.output());
        assertTrue(result.output().contains("Verify return code: 0 (ok)"), result.output());
    }

    @Test
    void sClient_whenDefaultGroups_thenX25519() {
        OpenSsl.assumeAvailable();
        OpenSsl.Result result = sClient(TlsProvider.OPENSSL, "-alpn", "tlsquiz/1", "-groups", "P-256:X25519");
        // The client prefers P-256 here; BoringSSL follows the server's order (the JDK takes the
        // client's key share, which is why its groups are not configurable here).
        assertTrue(result.output().contains("Server Temp Key: X25519"), result.output());
    }

    @Test
    void sClient_whenServerGroupsP256Only_thenP256() {
        OpenSsl.assumeAvailable();
        ServerTlsConfig config = serverConfig(pki.server(), TlsProvider.OPENSSL).withGroups(List.of("P-256"));
        OpenSsl.Result result = sClient(config, "-alpn", "tlsquiz/1");
        assertTrue(result.output().contains("Server Temp Key: ECDH, prime256v1"), result.output());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void sClient_whenOfferingNoAlpn_thenAccepted(TlsProvider provider) {
        OpenSsl.assumeAvailable();
        OpenSsl.Result result = sClient(provider);
        assertTrue(result.output().contains("No ALPN negotiated"), result.output());
        assertTrue(result.output().contains("Verify return code: 0 (ok)"), result.output());
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void sClient_whenForcingTls12OrTls11_thenProtocolVersionAlert(TlsProvider provider) {
        OpenSsl.assumeAvailable();
        for (String version : new String[] {"-tls1_2", "-tls1_1"}) {
            OpenSsl.Result result = sClient(provider, version);
            assertNotEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("protocol version") || result.output().contains("no protocols available"),
                    version + ": " + result.output());
        }
    }
}
