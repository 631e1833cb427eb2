package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Bye;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.server.results.MemoryGameStore;
import dev.tlsquiz.server.results.ResultWriter;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.TlsProvider;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who a kept game says played it, over real mutual TLS: the certificate's SHA-256 fingerprint (hex)
 * and the verified name; the player's address only under {@code --store-addresses}.
 */
class RecordedPlayerTest {

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static EventLoopGroup clients;

    @BeforeAll
    static void setUp() {
        pki = TestPki.create(dir);
        clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void tearDown() {
        clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void certificatePlayer_isKeptWithTheFingerprintAndWithoutAddress() throws Exception {
        PlayerRecord player = playOneGame(false);
        assertEquals(TestPki.CLIENT_NAME, player.name());
        assertTrue(player.nameVerified());
        String expected = Fingerprints.certificate(pki.client().certificate()).substring(Fingerprints.PREFIX.length());
        assertEquals(expected, player.certificateFingerprint());
        assertTrue(player.certificateFingerprint().matches("[0-9a-f]{64}"), player.certificateFingerprint());
        assertNull(player.address(), "addresses are kept only with --store-addresses");
    }

    @Test
    void storeAddresses_keepsTheClientsAddress() throws Exception {
        assertEquals("127.0.0.1", playOneGame(true).address());
    }

    private static PlayerRecord playOneGame(boolean storeAddresses) throws Exception {
        ServerConfig config = TestServers.config()
                .listening(x -> x.withBindAddress("127.0.0.1"))
                .tls(x -> x.withCertsDir(dir).withCertificate(pki.serverCert(), pki.serverKey())
                        .withClientAuth(ClientAuthMode.REQUIRE, pki.caCert()))
                .results(x -> x.withStoreAddresses(storeAddresses)).build();
        MemoryGameStore store = new MemoryGameStore();
        ResultWriter writer = new ResultWriter(store, 10, 10, ServerMetrics.none());
        try (QuizServer server = QuizServer.builder(config).results(writer).start();
             ClientTls tls = ClientTls.create(new ClientTlsConfig(new ClientTrust.CaFile(pki.caCert()),
                     pki.clientCert(), pki.clientKey(), TlsProvider.AUTO, TlsProfile.MODERN, Protocol.ALPN_ID));
             QuizTestClient client = QuizTestClient.connect(clients, tls, server.localAddress())) {
            client.hello("ignored", 0);
            client.next(Problem.class);
            client.send(new Bye());
            client.next(Summary.class);
        } finally {
            writer.close(Duration.ofSeconds(30));
        }
        assertEquals(1, store.games().size());
        return store.games().get(0).players().get(0);
    }
}
