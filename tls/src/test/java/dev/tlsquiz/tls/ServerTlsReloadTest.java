package dev.tlsquiz.tls;

import static dev.tlsquiz.tls.TlsTestSupport.ALPN_ID;
import static dev.tlsquiz.tls.TlsTestSupport.caClient;
import static dev.tlsquiz.tls.TlsTestSupport.client;
import static dev.tlsquiz.tls.TlsTestSupport.openServer;
import static dev.tlsquiz.tls.TlsTestSupport.serverConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tlsquiz.tls.pki.InsecureKeyFileException;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.WriteMode;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** Certificate, key and CRL files replaced while the server runs; key file permissions. */
class ServerTlsReloadTest {

    private static EventLoopGroup group;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        TlsTestSupport.requireOpenSsl();
        group = TlsLoopback.newGroup();
    }

    @AfterAll
    static void tearDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The server's live files: copies, so that tests can replace them. */
    private static TestPki.Credentials liveCopy(TestPki.Credentials source, Path dir) throws IOException {
        Path cert = dir.resolve("live.pem");
        Path key = dir.resolve("live.key");
        replace(source, cert, key);
        return new TestPki.Credentials(cert, key, source.certificate());
    }

    /** Replaces the live files the way an operator's tool should: each file atomically, key first. */
    private static void replace(TestPki.Credentials source, Path cert, Path key) throws IOException {
        Pem.writePrivateKey(key, Pem.readPrivateKey(source.key()), WriteMode.REPLACE);
        Pem.writeCertificates(cert, Pem.readCertificates(source.cert()), WriteMode.REPLACE);
    }

    private static BigInteger servedSerial(TlsLoopback loopback, ClientTls clientTls) {
        TlsLoopback.Outcome outcome = loopback.connect(clientTls, "localhost").assertSucceeded();
        try {
            return ((X509Certificate) outcome.clientSession().getPeerCertificates()[0]).getSerialNumber();
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TlsLoopback.TIMEOUT_SECONDS);
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            synchronized (monitor) {
                // Re-check every 20 ms; the poller runs every 100 ms in these tests.
                monitor.wait(20);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void reloadNow_whenCertificateAndKeyReplaced_thenNewHandshakesSeeTheNewSerial(TlsProvider provider)
            throws Exception {
        TestPki pki = TestPki.create(dir);
        TestPki.Credentials live = liveCopy(pki.server(), dir);
        TestPki.Credentials next = pki.serverWithSans("localhost", "127.0.0.1");
        try (ServerTls server = openServer(serverConfig(live, provider).withReloadInterval(Duration.ofHours(1)));
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = caClient(pki.caCert(), provider)) {
            assertEquals(pki.server().certificate().getSerialNumber(), servedSerial(loopback, clientTls));

            replace(next, live.cert(), live.key());
            assertTrue(server.reloadNow());

            assertEquals(next.certificate().getSerialNumber(), server.certificate().getSerialNumber());
            assertEquals(next.certificate().getSerialNumber(), servedSerial(loopback, clientTls));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void watcher_whenCertificateAndKeyReplaced_thenPicksThemUpWithoutReloadNow(TlsProvider provider)
            throws Exception {
        TestPki pki = TestPki.create(dir);
        TestPki.Credentials live = liveCopy(pki.server(), dir);
        TestPki.Credentials next = pki.serverWithSans("localhost");
        try (ServerTls server = openServer(serverConfig(live, provider));
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = caClient(pki.caCert(), provider)) {
            replace(next, live.cert(), live.key());
            BigInteger wanted = next.certificate().getSerialNumber();
            await(() -> server.certificate().getSerialNumber().equals(wanted), "the poller reloads the files");
            assertEquals(wanted, servedSerial(loopback, clientTls));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void reloadNow_whenCertificateFileCorrupt_thenOldCertificateStaysInService(TlsProvider provider)
            throws Exception {
        TestPki pki = TestPki.create(dir);
        TestPki.Credentials live = liveCopy(pki.server(), dir);
        try (ServerTls server = openServer(serverConfig(live, provider).withReloadInterval(Duration.ofHours(1)));
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = caClient(pki.caCert(), provider)) {
            Files.writeString(live.cert(), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n", StandardCharsets.US_ASCII);
            assertFalse(server.reloadNow());
            assertEquals(pki.server().certificate().getSerialNumber(), servedSerial(loopback, clientTls));

            // A key that does not belong to the certificate is refused too.
            Files.copy(pki.server().cert(), live.cert(), StandardCopyOption.REPLACE_EXISTING);
            Pem.writePrivateKey(live.key(), Pem.readPrivateKey(pki.clientKey()), WriteMode.REPLACE);
            assertFalse(server.reloadNow());
            assertEquals(pki.server().certificate().getSerialNumber(), servedSerial(loopback, clientTls));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void watcher_whenCrlChanges_thenNewlyRevokedClientIsRefused(TlsProvider provider) throws Exception {
        TestPki pki = TestPki.create(dir);
        Path crl = pki.writeCrl();
        ServerTlsConfig config = serverConfig(pki.server(), provider)
                .withClientAuth(ClientAuthMode.REQUIRE, pki.caCert(), crl);
        try (ServerTls server = openServer(config);
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = client(alice(pki, provider))) {
            loopback.connect(clientTls, "localhost").assertSucceeded();
            X509Certificate before = server.certificate();
            pki.writeCrl(pki.client().certificate());
            awaitRefused(loopback, clientTls);
            assertEquals(before, server.certificate());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void watcher_whenNoCrlFileGiven_thenWatchesCrlBesideTheClientCaAndPicksUpItsCreation(TlsProvider provider)
            throws Exception {
        TestPki pki = TestPki.create(dir);
        Path crl = pki.caCert().resolveSibling("crl.pem");
        ServerTlsConfig config = serverConfig(pki.server(), provider)
                .withClientAuth(ClientAuthMode.REQUIRE, pki.caCert(), null);
        assertEquals(crl, config.crlFile(), "client certificates without a CRL source");
        ListAppender<ILoggingEvent> log = capture(ServerTls.class);
        try (ServerTls server = openServer(config);
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = client(alice(pki, provider))) {
            assertEquals(Optional.of(crl + " (not present yet; watched)"), server.revocation());
            assertTrue(lines(log).contains("revocation: " + crl + " (not present yet; watched)"), lines(log).toString());
            loopback.connect(clientTls, "localhost").assertSucceeded();

            pki.writeCrl(pki.client().certificate());
            awaitRefused(loopback, clientTls);
            assertEquals(Optional.of(crl + " (1 revoked)"), server.revocation());
            assertTrue(lines(log).contains("CRL reloaded: " + crl + " (1 revoked)"), lines(log).toString());
        } finally {
            release(ServerTls.class, log);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void watcher_whenGivenCrlFileDoesNotExistYet_thenItsCreationIsPickedUp(TlsProvider provider) throws Exception {
        TestPki pki = TestPki.create(dir);
        Path crl = dir.resolve("crl.pem");
        Path elsewhere = Files.createDirectory(dir.resolve("revocations")).resolve("list.pem");
        ServerTlsConfig config = serverConfig(pki.server(), provider)
                .withClientAuth(ClientAuthMode.OPTIONAL, pki.caCert(), elsewhere);
        try (ServerTls server = openServer(config);
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = client(alice(pki, provider))) {
            loopback.connect(clientTls, "localhost").assertSucceeded();
            pki.writeCrl(pki.client().certificate());
            Files.move(crl, elsewhere);
            awaitRefused(loopback, clientTls);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void reloadNow_whenCrlCorruptOrDeleted_thenPreviousCrlStaysInService(TlsProvider provider) throws Exception {
        TestPki pki = TestPki.create(dir);
        TestPki.Credentials bob = pki.clientCert("bob");
        Path crl = pki.writeCrl(bob.certificate());
        ServerTlsConfig config = serverConfig(pki.server(), provider)
                .withClientAuth(ClientAuthMode.REQUIRE, pki.caCert(), crl).withReloadInterval(Duration.ofHours(1));
        ClientTlsConfig bobConfig = new ClientTlsConfig(new ClientTrust.CaFile(pki.caCert()), bob.cert(), bob.key(),
                provider, TlsProfile.MODERN, ALPN_ID);
        ListAppender<ILoggingEvent> log = capture(ServerTls.class);
        try (ServerTls server = openServer(config);
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls bobTls = client(bobConfig);
             ClientTls aliceTls = client(alice(pki, provider))) {
            assertTrue(lines(log).contains("revocation: " + crl + " (1 revoked)"), lines(log).toString());
            loopback.connect(bobTls, "localhost").assertRefused();

            Files.writeString(crl, "-----BEGIN X509 CRL-----\nnot base64 at all\n", StandardCharsets.US_ASCII);
            assertFalse(server.reloadNow());
            loopback.connect(bobTls, "localhost").assertRefused();
            loopback.connect(aliceTls, "localhost").assertSucceeded();

            Files.delete(crl);
            assertFalse(server.reloadNow());
            loopback.connect(bobTls, "localhost").assertRefused();
            assertEquals(Optional.of(crl + " (1 revoked)"), server.revocation());
            assertTrue(lines(log).stream().anyMatch(line -> line.startsWith("TLS files not reloaded")
                    && line.contains(crl.toString()) && line.contains("previous")), lines(log).toString());
        } finally {
            release(ServerTls.class, log);
        }
    }

    private static ClientTlsConfig alice(TestPki pki, TlsProvider provider) {
        return new ClientTlsConfig(new ClientTrust.CaFile(pki.caCert()), pki.clientCert(), pki.clientKey(), provider,
                TlsProfile.MODERN, ALPN_ID);
    }

    /** Connects until the server refuses the client: the poller swaps in a new context, a handshake proves it. */
    private static void awaitRefused(TlsLoopback loopback, ClientTls clientTls) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TlsLoopback.TIMEOUT_SECONDS);
        TlsLoopback.Outcome outcome = loopback.connect(clientTls, "localhost");
        while (outcome.succeeded()) {
            assertTrue(System.nanoTime() < deadline, "the changed CRL was not picked up in time");
            outcome = loopback.connect(clientTls, "localhost");
        }
        outcome.assertRefused();
    }

    /** Collects the INFO lines of {@code source} (the test configuration logs WARN and up only). */
    private static ListAppender<ILoggingEvent> capture(Class<?> source) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(appender);
        return appender;
    }

    private static void release(Class<?> source, ListAppender<ILoggingEvent> appender) {
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        logger.detachAppender(appender);
        logger.setAdditive(true);
        logger.setLevel(null);
    }

    private static List<String> lines(ListAppender<ILoggingEvent> appender) {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void open_whenKeyFileGroupReadable_thenInsecureKeyFileExceptionNamingFileAndMode(TlsProvider provider)
            throws Exception {
        TestPki pki = TestPki.create(dir);
        TestPki.Credentials live = liveCopy(pki.server(), dir);
        Files.setPosixFilePermissions(live.key(), PosixFilePermissions.fromString("rw-r-----"));
        InsecureKeyFileException e = assertThrows(InsecureKeyFileException.class,
                () -> ServerTls.open(serverConfig(live, provider)));
        assertEquals(live.key() + " is readable by group/others (mode 0640)", e.getMessage());
        assertEquals(live.key(), e.file());
    }

    @Test
    void reload_whenKeyFileBecomesGroupReadable_thenLogsTheDescribersReasonAndKeepsServing() throws Exception {
        TestPki pki = TestPki.create(dir);
        TestPki.Credentials live = liveCopy(pki.server(), dir);
        ListAppender<ILoggingEvent> log = capture(ServerTls.class);
        try (ServerTls server = ServerTls.open(serverConfig(live, TlsProvider.JDK).withReloadInterval(Duration.ofHours(1)),
                e -> e instanceof InsecureKeyFileException insecure ? "described " + insecure.file() : "other");
             TlsLoopback loopback = TlsLoopback.start(group, server);
             ClientTls clientTls = client(new ClientTlsConfig(new ClientTrust.CaFile(pki.caCert()), null, null,
                     TlsProvider.JDK, TlsProfile.MODERN, ALPN_ID))) {
            Files.setPosixFilePermissions(live.key(), PosixFilePermissions.fromString("rw-r-----"));

            assertFalse(server.reloadNow());

            assertTrue(lines(log).contains("TLS files not reloaded: described " + live.key() + "; the previous"
                    + " certificate, key, client CA and CRL stay in service"), lines(log).toString());
            loopback.connect(clientTls, "localhost").assertSucceeded();
        } finally {
            release(ServerTls.class, log);
        }
    }
}
