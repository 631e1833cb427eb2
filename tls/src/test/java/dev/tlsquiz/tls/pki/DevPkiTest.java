package dev.tlsquiz.tls.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.tlsquiz.tls.testing.OpenSsl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DevPkiTest {

    private static final List<String> NAMES = CertificateAuthority.DEFAULT_SERVER_NAMES;
    private static final Duration CA_DAYS = CertificateAuthority.DEFAULT_CA_VALIDITY;
    private static final Duration SERVER_DAYS = CertificateAuthority.DEFAULT_SERVER_VALIDITY;

    @TempDir
    Path tempDir;

    private Path certsDir;
    private DevPki pki;

    @BeforeEach
    void setUp() {
        certsDir = tempDir.resolve("certs");
        pki = DevPki.in(certsDir);
    }

    @Test
    void init_thenWritesCaAndServerFilesWithSafeModes() throws Exception {
        assertFalse(pki.exists());

        DevPki.InitResult result = pki.init(NAMES, CA_DAYS, SERVER_DAYS);

        assertTrue(pki.exists());
        assertEquals(certsDir.resolve("ca.pem"), pki.caCertificate());
        assertEquals(result.ca(), Pem.readCertificate(pki.caCertificate()));
        assertEquals(result.server(), Pem.readCertificate(pki.serverCertificate()));
        assertEquals(NAMES.get(0), SubjectAltNames.hostNames(result.server()).get(0));
        assertTrue(Certificates.issuedBy(result.server(), result.ca()));
        CertificateAuthorityTest.validatePkix(result.server(), result.ca());
        assertEquals(List.of(), result.staleClients());
        X509CRL crl = Pem.readCrl(pki.crl());
        crl.verify(result.ca().getPublicKey());
        assertEquals(null, crl.getRevokedCertificates(), "an empty CRL, there from the start for a server to watch");
        assertTrue(crl.getNextUpdate().toInstant().isAfter(Instant.now().plus(Duration.ofDays(59))));
        assertEquals("rwx------", mode(certsDir));
        assertEquals("rw-------", mode(pki.caKey()));
        assertEquals("rw-------", mode(pki.serverKey()));
        assertEquals("rw-r--r--", mode(pki.caCertificate()));
        SecureFiles.requireOwnerOnly(pki.caKey());
        assertEquals(result.ca(), pki.ca().certificate());
    }

    @Test
    void init_thenOpensslVerifiesTheServerCertificate() throws Exception {
        OpenSsl.assumeAvailable();
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);

        OpenSsl.Result result = OpenSsl.run("verify", "-x509_strict", "-purpose", "sslserver",
                "-CAfile", pki.caCertificate().toString(), pki.serverCertificate().toString());

        assertEquals(0, result.exitCode(), result.output());
        assertEquals(pki.serverCertificate() + ": OK", result.output().strip());
    }

    @Test
    void init_whenPkiExists_thenRefusesAndKeepsIt() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        X509Certificate ca = Pem.readCertificate(pki.caCertificate());

        ExistingFileException e = assertThrows(ExistingFileException.class,
                () -> pki.init(NAMES, CA_DAYS, SERVER_DAYS));

        assertEquals(pki.caCertificate() + " exists", e.getMessage());
        assertEquals(ExistingFileException.What.DEVELOPMENT_PKI, e.what());
        assertEquals(ca, Pem.readCertificate(pki.caCertificate()));
    }

    @Test
    void init_whenOnlyTheKeyExists_thenRefusesNamingIt() throws Exception {
        Pem.writePrivateKey(pki.serverKey(), CertificateAuthority.generateKeyPair().getPrivate());

        ExistingFileException e = assertThrows(ExistingFileException.class,
                () -> pki.init(NAMES, CA_DAYS, SERVER_DAYS));

        assertEquals(pki.serverKey(), e.file());
        assertFalse(Files.exists(pki.caCertificate()), "nothing written");
    }

    @Test
    void init_whenForced_thenNewCaDropsTheCrlAndListsStaleClients() throws Exception {
        DevPki.InitResult first = pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        pki.issueClient("alice", Duration.ofDays(1), WriteMode.CREATE_NEW);
        pki.revoke("alice");

        DevPki.InitResult second = pki.init(NAMES, CA_DAYS, SERVER_DAYS, WriteMode.REPLACE);

        assertNotEquals(first.ca(), second.ca());
        assertEquals(second.ca(), Pem.readCertificate(pki.caCertificate()));
        X509CRL crl = Pem.readCrl(pki.crl());
        crl.verify(second.ca().getPublicKey());
        assertEquals(null, crl.getRevokedCertificates(), "the new CA's CRL starts empty");
        assertEquals(List.of(pki.clientCertificate("alice")), second.staleClients());
        assertEquals("rw-------", mode(pki.caKey()));
    }

    @Test
    void init_whenNameInvalid_thenWritesNothing() {
        assertThrows(IllegalArgumentException.class, () -> pki.init(List.of("bad name"), CA_DAYS, SERVER_DAYS));

        assertFalse(pki.exists());
    }

    @Test
    void renew_whenWithinThreshold_thenNewCertificateForTheSameNames() throws Exception {
        DevPki.InitResult init = pki.init(List.of("quiz.test", "127.0.0.1"), CA_DAYS, Duration.ofDays(10));

        Optional<DevPki.RenewalResult> renewal = pki.renewServerCertificateIfExpiring(Duration.ofDays(30));

        assertTrue(renewal.isPresent());
        X509Certificate renewed = Pem.readCertificate(pki.serverCertificate());
        assertEquals(renewal.get().renewed(), renewed);
        assertEquals(init.server(), renewal.get().previous());
        assertEquals(List.of("quiz.test", "127.0.0.1"), SubjectAltNames.hostNames(renewed));
        assertTrue(renewed.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(89))));
        assertTrue(Certificates.issuedBy(renewed, init.ca()));
        assertKeyBelongsTo(pki.serverKey(), renewed);
        assertEquals("rw-------", mode(pki.serverKey()));
        assertEquals(Optional.empty(), pki.renewServerCertificateIfExpiring(Duration.ofDays(30)), "now fresh");
    }

    @Test
    void renew_whenFarFromExpiry_thenKeepsTheCertificate() throws Exception {
        DevPki.InitResult init = pki.init(NAMES, CA_DAYS, SERVER_DAYS);

        assertEquals(Optional.empty(), pki.renewServerCertificateIfExpiring(DevPki.RENEWAL_THRESHOLD));

        assertEquals(init.server(), Pem.readCertificate(pki.serverCertificate()));
    }

    @Test
    void issueServer_thenReplacesServerFilesWithTheNewNames() throws Exception {
        DevPki.InitResult init = pki.init(NAMES, CA_DAYS, SERVER_DAYS);

        X509Certificate server = pki.issueServer(List.of("quiz.example.org"), Duration.ofDays(30));

        assertNotEquals(init.server(), server);
        assertEquals(server, Pem.readCertificate(pki.serverCertificate()));
        assertEquals(List.of("quiz.example.org"), SubjectAltNames.hostNames(server));
        assertKeyBelongsTo(pki.serverKey(), server);
    }

    @Test
    void issueServer_thenKeepsTheKeySoPinsStillMatch() throws Exception {
        DevPki.InitResult init = pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        byte[] key = Files.readAllBytes(pki.serverKey());

        X509Certificate server = pki.issueServer(List.of("quiz.example.org"), Duration.ofDays(30));

        assertEquals(Fingerprints.publicKeyPin(init.server()), Fingerprints.publicKeyPin(server));
        assertEquals(List.of("quiz.example.org"), SubjectAltNames.hostNames(server));
        assertTrue(Arrays.equals(key, Files.readAllBytes(pki.serverKey())), "server.key was not rewritten");
    }

    @Test
    void issueServerWithNewKey_thenANewKeyAndThePinItReplaced() throws Exception {
        DevPki.InitResult init = pki.init(NAMES, CA_DAYS, SERVER_DAYS);

        DevPki.NewServerKey result = pki.issueServerWithNewKey(NAMES, SERVER_DAYS);

        assertNotEquals(Fingerprints.publicKeyPin(init.server()), Fingerprints.publicKeyPin(result.certificate()));
        assertEquals(Optional.of(Fingerprints.publicKeyPin(init.server())), result.previousKeyPin());
        assertEquals(result.certificate(), Pem.readCertificate(pki.serverCertificate()));
        assertKeyBelongsTo(pki.serverKey(), result.certificate());
        assertEquals("rw-------", mode(pki.serverKey()));
    }

    @Test
    void issueServer_whenTheKeyIsGoneButACertificateIsThere_thenAsksForANewKeyExplicitly() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        Files.delete(pki.serverKey());

        DevPkiException refusal = assertThrows(DevPkiException.class, () -> pki.issueServer(NAMES, SERVER_DAYS));

        assertEquals(DevPkiException.Problem.SERVER_KEY_MISSING, refusal.problem());
        assertEquals(Optional.of(pki.serverCertificate()), refusal.related());
        assertTrue(refusal.getMessage().startsWith(pki.serverKey() + " is missing, but " + pki.serverCertificate()),
                refusal.getMessage());
        assertFalse(Files.exists(pki.serverKey()));
    }

    @Test
    void renew_whenWithinThreshold_thenKeepsTheKey() throws Exception {
        DevPki.InitResult init = pki.init(NAMES, CA_DAYS, Duration.ofDays(10));

        DevPki.RenewalResult renewal = pki.renewServerCertificateIfExpiring(Duration.ofDays(30)).orElseThrow();

        assertNotEquals(init.server(), renewal.renewed());
        assertEquals(Fingerprints.publicKeyPin(init.server()), Fingerprints.publicKeyPin(renewal.renewed()));
    }

    @Test
    void ensureForServer_whenANameIsNotCovered_thenKeepsTheKey() throws Exception {
        DevPki.InitResult init = pki.init(List.of("localhost"), CA_DAYS, SERVER_DAYS);

        DevPki.ensureForServer(certsDir, List.of("localhost", "192.0.2.7"));

        X509Certificate server = Pem.readCertificate(pki.serverCertificate());
        assertEquals(List.of("localhost", "192.0.2.7"), SubjectAltNames.hostNames(server));
        assertEquals(Fingerprints.publicKeyPin(init.server()), Fingerprints.publicKeyPin(server));
    }

    @Test
    void changes_whenManyThreadsChangeTheFolderAtOnce_thenNoneIsLostAndTheKeyFitsTheCertificate()
            throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        List<String> players = List.of("p1", "p2", "p3", "p4", "p5", "p6");
        for (String player : players) {
            pki.issueClient(player, Duration.ofDays(1), WriteMode.CREATE_NEW);
        }
        int tasks = players.size() + 2;
        CyclicBarrier start = new CyclicBarrier(tasks);
        ExecutorService threads = Executors.newFixedThreadPool(tasks);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String player : players) {
                done.add(threads.submit(() -> {
                    start.await();
                    return pki.revoke(player);
                }));
            }
            for (int i = 0; i < 2; i++) {
                done.add(threads.submit(() -> {
                    start.await();
                    return pki.issueServerWithNewKey(NAMES, SERVER_DAYS);
                }));
            }
            for (Future<?> task : done) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        Set<BigInteger> expected = new HashSet<>();
        for (String player : players) {
            expected.add(Pem.readCertificate(pki.clientCertificate(player)).getSerialNumber());
        }
        assertEquals(expected, pki.revokedSerials().keySet(), "every revocation is in the CRL");
        assertKeyBelongsTo(pki.serverKey(), Pem.readCertificate(pki.serverCertificate()));
    }

    @Test
    void changes_whenAnotherFileChannelHoldsTheFolderLock_thenWaitUntilItIsReleased() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        X509Certificate before = Pem.readCertificate(pki.serverCertificate());
        Logger lockLog = (Logger) LoggerFactory.getLogger(CertsFolderLock.class);
        Level level = lockLog.getLevel();
        LogLines lines = new LogLines();
        lines.start();
        lockLog.addAppender(lines);
        lockLog.setLevel(Level.INFO);
        try (FileChannel channel = FileChannel.open(certsDir.resolve(CertsFolderLock.FILE_NAME),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            CompletableFuture<X509Certificate> change;
            try (FileLock held = channel.lock()) {
                change = CompletableFuture.supplyAsync(() -> {
                    try {
                        return pki.issueServer(List.of("quiz.test"), SERVER_DAYS);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                String line = lines.queue.poll(30, TimeUnit.SECONDS);
                assertTrue(line != null && line.contains("waiting"), "the change says it waits: " + line);
                assertEquals(before, Pem.readCertificate(pki.serverCertificate()), "nothing changed while locked");
                assertFalse(change.isDone());
            }
            X509Certificate after = change.get(30, TimeUnit.SECONDS);
            assertEquals(List.of("quiz.test"), SubjectAltNames.hostNames(after));
        } finally {
            lockLog.detachAppender(lines);
            lockLog.setLevel(level);
        }
    }

    @Test
    void lockFile_isHiddenAndOwnerOnlyAndNotTakenForACertificate() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        pki.issueClient("alice", Duration.ofDays(1), WriteMode.CREATE_NEW);

        Path lock = certsDir.resolve(CertsFolderLock.FILE_NAME);
        assertTrue(Files.exists(lock));
        assertTrue(lock.getFileName().toString().startsWith("."));
        assertEquals("rw-------", mode(lock));
        assertFalse(Files.exists(pki.clientsDir().resolve(CertsFolderLock.FILE_NAME)), "one lock, in the folder itself");
        DevPki.InitResult again = pki.init(NAMES, CA_DAYS, SERVER_DAYS, WriteMode.REPLACE);
        assertEquals(List.of(pki.clientCertificate("alice")), again.staleClients());
    }

    /** Log lines of one logger, as they are written. */
    private static final class LogLines extends AppenderBase<ILoggingEvent> {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            queue.add(event.getFormattedMessage());
        }
    }

    @Test
    void issueClient_thenWritesClientFilesAndRefusesToReplaceThemUnlessForced() throws Exception {
        DevPki.InitResult init = pki.init(NAMES, CA_DAYS, SERVER_DAYS);

        IssuedCertificate alice = pki.issueClient("alice", CertificateAuthority.DEFAULT_CLIENT_VALIDITY,
                WriteMode.CREATE_NEW);

        assertEquals(certsDir.resolve("clients/alice.pem"), pki.clientCertificate("alice"));
        assertEquals(alice.certificate(), Pem.readCertificate(pki.clientCertificate("alice")));
        assertEquals("CN=alice", alice.certificate().getSubjectX500Principal().getName());
        assertTrue(Certificates.issuedBy(alice.certificate(), init.ca()));
        assertEquals("rw-------", mode(pki.clientKey("alice")));
        assertEquals("rwx------", mode(pki.clientsDir()));

        ExistingFileException e = assertThrows(ExistingFileException.class,
                () -> pki.issueClient("alice", Duration.ofDays(1), WriteMode.CREATE_NEW));
        assertEquals(pki.clientCertificate("alice") + " exists", e.getMessage());
        assertEquals(ExistingFileException.What.CLIENT_CERTIFICATE, e.what());

        IssuedCertificate again = pki.issueClient("alice", Duration.ofDays(1), WriteMode.REPLACE);
        assertEquals(again.certificate(), Pem.readCertificate(pki.clientCertificate("alice")));
    }

    @Test
    void clientPaths_whenNameInvalid_thenClearError() {
        for (String bad : List.of("", "../evil", "a/b", "sp ace", "x".repeat(65), "..", "ü")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> pki.clientCertificate(bad), bad);
            assertEquals("invalid client name '" + bad + "' (expected: 1-64 letters, digits, '.', '_' or '-', "
                    + "e.g. alice)", e.getMessage());
        }
        assertEquals(certsDir.resolve("clients/Bob_2.test-x.pem"), pki.clientCertificate("Bob_2.test-x"));
    }

    @Test
    void revoke_whenCalledForTwoClientsAndTwice_thenCrlKeepsBothWithTheirDates() throws Exception {
        DevPki.InitResult init = pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        BigInteger alice = pki.issueClient("alice", Duration.ofDays(1), WriteMode.CREATE_NEW)
                .certificate().getSerialNumber();
        BigInteger bob = pki.issueClient("bob", Duration.ofDays(1), WriteMode.CREATE_NEW)
                .certificate().getSerialNumber();
        pki.issueClient("carol", Duration.ofDays(1), WriteMode.CREATE_NEW);

        DevPki.RevocationResult first = pki.revoke("alice");
        Instant aliceRevokedAt = pki.revokedSerials().get(alice);
        DevPki.RevocationResult second = pki.revoke("bob");
        DevPki.RevocationResult again = pki.revoke("alice");

        assertFalse(first.alreadyRevoked());
        assertEquals(1, first.revokedCount());
        assertEquals(2, second.revokedCount());
        assertTrue(again.alreadyRevoked());
        assertEquals(2, again.revokedCount());
        X509CRL crl = Pem.readCrl(pki.crl());
        crl.verify(init.ca().getPublicKey());
        assertTrue(crl.isRevoked(Pem.readCertificate(pki.clientCertificate("alice"))));
        assertTrue(crl.isRevoked(Pem.readCertificate(pki.clientCertificate("bob"))));
        assertFalse(crl.isRevoked(Pem.readCertificate(pki.clientCertificate("carol"))));
        Map<BigInteger, Instant> revoked = pki.revokedSerials();
        assertEquals(Set.of(alice, bob), revoked.keySet());
        assertEquals(aliceRevokedAt, revoked.get(alice), "the first revocation date is kept");
        assertEquals("rw-r--r--", mode(pki.crl()));
    }

    @Test
    void revoke_thenOpensslRefusesTheClientWithTheCrl() throws Exception {
        OpenSsl.assumeAvailable();
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        pki.issueClient("mallory", Duration.ofDays(1), WriteMode.CREATE_NEW);
        pki.revoke("mallory");

        OpenSsl.Result result = OpenSsl.run("verify", "-crl_check", "-CRLfile", pki.crl().toString(),
                "-CAfile", pki.caCertificate().toString(), pki.clientCertificate("mallory").toString());

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("certificate revoked"), result.output());
    }

    @Test
    void revoke_whenNoSuchClient_thenSaysWhatCanBeRevoked() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);

        DevPkiException e = assertThrows(DevPkiException.class, () -> pki.revoke("nobody"));

        assertEquals(pki.clientCertificate("nobody") + " not found", e.getMessage());
        assertEquals(DevPkiException.Problem.CLIENT_NOT_FOUND, e.problem());
        assertEquals(Optional.of("nobody"), e.detail());
        assertEquals(Map.of(), pki.revokedSerials());
    }

    @Test
    void refreshCrl_whenCloseToNextUpdate_thenSignsAgainWithTheSameEntries() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        pki.issueClient("alice", Duration.ofDays(1), WriteMode.CREATE_NEW);
        pki.revoke("alice");
        X509CRL before = Pem.readCrl(pki.crl());

        assertEquals(Optional.empty(), pki.refreshCrlIfExpiring(DevPki.RENEWAL_THRESHOLD));
        Optional<X509CRL> refreshed = pki.refreshCrlIfExpiring(DevPki.CRL_VALIDITY.plusDays(1));

        assertTrue(refreshed.isPresent());
        assertEquals(before.getRevokedCertificates().size(), refreshed.get().getRevokedCertificates().size());
        assertEquals(refreshed.get(), Pem.readCrl(pki.crl()));
    }

    @Test
    void ensureForServer_whenFirstRun_thenCreatesAndReportsIt() throws Exception {
        ServerPkiReport report = DevPki.ensureForServer(certsDir, NAMES);

        X509Certificate ca = Pem.readCertificate(report.pki().caCertificate());
        assertTrue(report.created());
        assertEquals(NAMES, report.serverNames());
        assertEquals(certsDir, report.pki().dir());
        assertEquals(Fingerprints.certificate(ca), report.caFingerprint());
        assertEquals(List.of(), report.reissuedFor());
        assertEquals(Optional.empty(), report.renewal());
        assertEquals(Optional.empty(), report.crlCurrentUntil());
        assertEquals(Optional.empty(), report.caExpires());
    }

    @Test
    void init_eachNewCa_thenANameThatTellsItFromOthers() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        DevPki other = DevPki.in(certsDir.resolveSibling("other-certs"));
        other.init(NAMES, CA_DAYS, SERVER_DAYS);

        String name = Pem.readCertificate(pki.caCertificate()).getSubjectX500Principal().getName();
        String otherName = Pem.readCertificate(other.caCertificate()).getSubjectX500Principal().getName();

        assertTrue(name.matches("CN=tlsquiz development CA [0-9A-F]{6} \\(host [A-Za-z0-9.-]+\\)"), name);
        assertNotEquals(name, otherName);
    }

    @Test
    void ensureForServer_whenRunAgain_thenReusesTheSamePki() throws Exception {
        DevPki.ensureForServer(certsDir, NAMES);
        X509Certificate ca = Pem.readCertificate(pki.caCertificate());
        X509Certificate server = Pem.readCertificate(pki.serverCertificate());

        ServerPkiReport report = DevPki.ensureForServer(certsDir, NAMES);

        assertEquals(ca, Pem.readCertificate(pki.caCertificate()));
        assertEquals(server, Pem.readCertificate(pki.serverCertificate()));
        assertFalse(report.created());
        assertEquals(List.of(), report.reissuedFor());
        assertEquals(Optional.empty(), report.renewal());
        assertEquals(Fingerprints.certificate(ca), report.caFingerprint());
    }

    @Test
    void ensureForServer_whenServerCertificateExpiresSoon_thenRenewsIt() throws Exception {
        pki.init(NAMES, CA_DAYS, Duration.ofDays(5));
        X509Certificate before = Pem.readCertificate(pki.serverCertificate());
        ServerPkiReport report = DevPki.ensureForServer(certsDir, NAMES);

        X509Certificate after = Pem.readCertificate(pki.serverCertificate());
        assertNotEquals(before, after);
        assertTrue(after.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(89))));
        assertEquals(before, report.renewal().orElseThrow().previous());
        assertEquals(after, report.renewal().orElseThrow().renewed());
    }

    @Test
    void ensureForServer_whenANameIsNotCovered_thenReissuesForAllNames() throws Exception {
        pki.init(List.of("localhost"), CA_DAYS, SERVER_DAYS);
        ServerPkiReport report = DevPki.ensureForServer(certsDir, List.of("localhost", "quiz.test"));

        assertEquals(List.of("localhost", "quiz.test"),
                SubjectAltNames.hostNames(Pem.readCertificate(pki.serverCertificate())));
        assertEquals(List.of("quiz.test"), report.reissuedFor());
    }

    @Test
    void ensureForServer_whenIpv6SpelledDifferently_thenCountsAsCovered() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        X509Certificate server = Pem.readCertificate(pki.serverCertificate());

        DevPki.ensureForServer(certsDir, List.of("LOCALHOST", "0:0:0:0:0:0:0:1"));

        assertEquals(server, Pem.readCertificate(pki.serverCertificate()));
    }

    @Test
    void ensureForServer_whenCrlMissing_thenWritesAnEmptyOne() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        Files.delete(pki.crl());

        DevPki.ensureForServer(certsDir, NAMES);

        X509CRL crl = Pem.readCrl(pki.crl());
        crl.verify(Pem.readCertificate(pki.caCertificate()).getPublicKey());
        assertEquals(null, crl.getRevokedCertificates());
    }

    @Test
    void ensureForServer_whenKeyReadableByOthers_thenRefusesNamingFileAndMode() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        Files.setPosixFilePermissions(pki.serverKey(), PosixFilePermissions.fromString("rw-r--r--"));

        InsecureKeyFileException e = assertThrows(InsecureKeyFileException.class,
                () -> DevPki.ensureForServer(certsDir, NAMES));

        assertEquals(pki.serverKey() + " is readable by group/others (mode 0644)", e.getMessage());
        assertEquals(pki.serverKey(), e.file());
        assertEquals(0644, e.mode());
    }

    @Test
    void ensureForServer_whenAFileIsMissing_thenNamesIt() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        Files.delete(pki.serverKey());

        DevPkiException e = assertThrows(DevPkiException.class,
                () -> DevPki.ensureForServer(certsDir, NAMES));

        assertEquals(pki.serverKey() + " is missing", e.getMessage());
        assertEquals(DevPkiException.Problem.CORE_FILE_MISSING, e.problem());
        assertEquals(pki.serverKey(), e.file());
    }

    @Test
    void ensureForServer_whenServerCertificateFromAnotherCa_thenRefuses() throws Exception {
        pki.init(NAMES, CA_DAYS, SERVER_DAYS);
        IssuedCertificate foreign = CertificateAuthority.create("other", Duration.ofDays(1))
                .issueServerCertificate(NAMES, Duration.ofDays(1));
        Pem.writeCertificates(pki.serverCertificate(), List.of(foreign.certificate()), WriteMode.REPLACE);

        DevPkiException e = assertThrows(DevPkiException.class,
                () -> DevPki.ensureForServer(certsDir, NAMES));

        assertEquals(pki.serverCertificate() + " was not issued by " + pki.caCertificate(), e.getMessage());
        assertEquals(DevPkiException.Problem.SERVER_NOT_FROM_CA, e.problem());
        assertEquals(Optional.of(pki.caCertificate()), e.related());
    }

    private static void assertKeyBelongsTo(Path keyFile, X509Certificate certificate) throws Exception {
        // The key belongs to the certificate when a signature made with it verifies with the certificate's key.
        byte[] data = {1, 2, 3};
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(Pem.readPrivateKey(keyFile));
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        assertTrue(verifier.verify(signature), keyFile + " belongs to " + certificate.getSubjectX500Principal());
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
