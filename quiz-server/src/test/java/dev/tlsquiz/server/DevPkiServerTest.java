package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.TlsProvider;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.WriteMode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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

    @Test
    void reload_whenTheServerKeyBecomesGroupReadable_thenTheLoggedFailureCarriesTheChmodFix() throws Exception {
        Path certs = dir.resolve("certs");
        ServerConfig config = TestServers.config().tls(x -> x.withCertsDir(certs)).build();
        try (CapturedLog log = CapturedLog.of(ServerTls.class);
             QuizServer server = QuizServer.builder(config).start()) {
            Path key = DevPki.in(certs).serverKey();
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));

            assertFalse(server.tls().reloadNow());

            List<String> lines = log.lines();
            assertTrue(lines.contains("TLS files not reloaded: " + key + " is readable by group/others (mode 0640);"
                    + " run: chmod 600 " + key + "; the previous certificate, key, client CA and CRL stay in service"),
                    lines.toString());
        }
    }

    @Test
    void start_whenThePortIsTaken_thenFailsWithoutTellingClientsHowToConnect() throws Exception {
        try (CapturedLog log = CapturedLog.of(QuizServer.class);
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServerConfig config = TestServers.config().listening(x -> x.withPort(taken.getLocalPort()))
                    .tls(x -> x.withCertsDir(dir.resolve("certs"))).build();

            ServerStartException e = assertThrows(ServerStartException.class, () -> QuizServer.builder(config).start());

            assertTrue(e.getMessage().contains("is already in use"), e.getMessage());
            List<String> lines = log.lines();
            assertTrue(lines.contains("Created a development CA and server certificate in " + dir.resolve("certs")
                    + " for localhost, 127.0.0.1, ::1"), "what happened to the files is told: " + lines);
            assertFalse(lines.stream().anyMatch(line -> line.contains("clients connect") || line.contains("CA fingerprint")),
                    lines.toString());
        }
    }

    @Test
    void start_onAFreePort_thenTellsClientsHowToConnectOnceItListens() throws Exception {
        Path certs = dir.resolve("certs");
        try (CapturedLog log = CapturedLog.of(QuizServer.class);
             QuizServer server = QuizServer.builder(TestServers.config().tls(x -> x.withCertsDir(certs)).build())
                .start()) {
            List<String> lines = log.lines();
            assertTrue(lines.contains("clients connect with: quiz play --host localhost --port "
                    + server.localAddress().getPort() + " --cafile " + certs.resolve("ca.pem")), lines.toString());
        }
    }

    /** The messages one class logs at INFO and up while it is open, whatever level other tests left it at. */
    private static final class CapturedLog implements AutoCloseable {
        private final Logger logger;
        private final Level previousLevel;
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        private CapturedLog(Logger logger) {
            this.logger = logger;
            this.previousLevel = logger.getLevel();
            logger.setLevel(Level.INFO);
            appender.start();
            logger.addAppender(appender);
        }

        static CapturedLog of(Class<?> source) {
            return new CapturedLog((Logger) LoggerFactory.getLogger(source));
        }

        List<String> lines() {
            synchronized (appender.list) {
                return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            }
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
            logger.setLevel(previousLevel);
        }
    }
}
