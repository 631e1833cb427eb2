package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.TlsProvider;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.WriteMode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link QuizServer#builder(ServerConfig)} without a TLS context: TLS from the development PKI, with and without client certificates. */
class DevPkiServerTest {

    @TempDir
    Path dir;

    @Test
    void start_withoutACertificate_createsTheDevelopmentPkiAndChecksClientCertificatesAgainstItsCa()
            throws Exception {
        Path certs = dir.resolve("certs");
        ServerConfig config = TestServers.config()
                .tls(x -> x.withCertsDir(certs).withClientAuth(ClientAuthMode.REQUIRE, null)).build();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (QuizServer server = QuizServer.builder(config).start()) {
            DevPki pki = DevPki.in(certs);
            assertTrue(Files.exists(pki.caCertificate()));
            pki.issueClient("carol", Duration.ofDays(1), WriteMode.CREATE_NEW);
            ClientTlsConfig clientConfig = new ClientTlsConfig(new ClientTrust.CaFile(pki.caCertificate()),
                    pki.clientCertificate("carol"), pki.clientKey("carol"), TlsProvider.AUTO, TlsProfile.MODERN,
                    Protocol.ALPN_ID);
            try (ClientTls tls = ClientTls.create(clientConfig);
                 QuizTestClient client = QuizTestClient.connect(group, tls, server.localAddress())) {
                assertEquals("carol", client.hello("someone else", 0).playerName());
            }
            assertTrue(server.listeningLine().startsWith("listening on 127.0.0.1:" + server.localAddress().getPort()
                    + " (TLS 1.3, "), server.listeningLine());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void start_whenClientAuthIsOnWithOwnCertificateButNoCa_thenRefusesWithTheOptionToUse() {
        ServerConfig config = TestServers.config()
                .tls(x -> x.withCertsDir(dir.resolve("empty"))
                        .withCertificate(dir.resolve("server.pem"), dir.resolve("server.key"))
                        .withClientAuth(ClientAuthMode.OPTIONAL, null)).build();
        ServerStartException e = assertThrows(ServerStartException.class, () -> QuizServer.builder(config).start());
        assertTrue(e.getMessage().contains("pass --client-ca FILE"), e.getMessage());
    }
}
