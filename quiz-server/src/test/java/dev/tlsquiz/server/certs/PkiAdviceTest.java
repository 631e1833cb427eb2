package dev.tlsquiz.server.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.pki.CertificateAuthority;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.DevPkiException;
import dev.tlsquiz.tls.pki.ExistingFileException;
import dev.tlsquiz.tls.pki.InsecureKeyFileException;
import dev.tlsquiz.tls.pki.IssuedCertificate;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.ServerPkiReport;
import dev.tlsquiz.tls.pki.WriteMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentences the operator reads about the development PKI: the TLS module's facts, made in real
 * folders, with what to run next in the commands as installed.
 */
class PkiAdviceTest {

    private static final List<String> NAMES = CertificateAuthority.DEFAULT_SERVER_NAMES;
    private static final Duration DAYS = Duration.ofDays(30);

    @TempDir
    Path dir;

    private Path certsDir;
    private DevPki pki;
    private PkiAdvice advice;

    @BeforeEach
    void setUp() {
        certsDir = dir.resolve("certs");
        pki = DevPki.in(certsDir);
        advice = new PkiAdvice(InstalledCommands.ON_PATH, certsDir);
    }

    @Test
    void describe_whenAKeyIsReadableByOthers_thenAddsTheChmodFix() throws Exception {
        pki.init(NAMES, DAYS, DAYS);
        Files.setPosixFilePermissions(pki.serverKey(), PosixFilePermissions.fromString("rw-r--r--"));

        InsecureKeyFileException e = assertThrows(InsecureKeyFileException.class,
                () -> DevPki.ensureForServer(certsDir, NAMES));

        assertEquals(pki.serverKey() + " is readable by group/others (mode 0644); run: chmod 600 " + pki.serverKey(),
                advice.describe(e));
    }

    @Test
    void describe_whenAFileNameNeedsQuoting_thenTheCommandsQuoteIt() throws Exception {
        Path spaced = dir.resolve("my certs");
        DevPki.in(spaced).init(NAMES, DAYS, DAYS);
        Path key = spaced.resolve("server.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));

        InsecureKeyFileException e = assertThrows(InsecureKeyFileException.class,
                () -> DevPki.ensureForServer(spaced, NAMES));

        assertEquals(key + " is readable by group/others (mode 0640); run: chmod 600 '" + key + "'",
                new PkiAdvice(InstalledCommands.ON_PATH, spaced).describe(e));
    }

    @Test
    void describe_whenAFileIsMissing_thenSaysHowToRecreate() throws Exception {
        pki.init(NAMES, DAYS, DAYS);
        Files.delete(pki.serverKey());

        DevPkiException e = assertThrows(DevPkiException.class, () -> DevPki.ensureForServer(certsDir, NAMES));

        assertEquals(pki.serverKey() + " is missing; run: quiz-server certs init --force --certs-dir " + certsDir
                + " to create a new development PKI", advice.describe(e));
    }

    @Test
    void describe_whenServerCertificateFromAnotherCa_thenSaysHowToIssueOne() throws Exception {
        pki.init(NAMES, DAYS, DAYS);
        IssuedCertificate foreign = CertificateAuthority.create("other", DAYS).issueServerCertificate(NAMES, DAYS);
        Pem.writeCertificates(pki.serverCertificate(), List.of(foreign.certificate()), WriteMode.REPLACE);

        DevPkiException e = assertThrows(DevPkiException.class, () -> DevPki.ensureForServer(certsDir, NAMES));

        assertEquals(pki.serverCertificate() + " was not issued by " + pki.caCertificate() + "; run: quiz-server"
                + " certs server --san NAME --certs-dir " + certsDir + " to issue one from this CA", advice.describe(e));
    }

    @Test
    void describe_whenTheServerKeyIsGone_thenAsksForANewKeyExplicitly() throws Exception {
        pki.init(NAMES, DAYS, DAYS);
        Files.delete(pki.serverKey());

        DevPkiException e = assertThrows(DevPkiException.class, () -> pki.issueServer(NAMES, DAYS));

        assertEquals(pki.serverKey() + " is missing, but " + pki.serverCertificate() + " is there: a new key would be"
                + " refused by every client that pinned the old one; to make one on purpose, run: quiz-server certs"
                + " server --new-key --san NAME --certs-dir " + certsDir, advice.describe(e));
    }

    @Test
    void describe_whenNoPkiYet_thenSaysToCreateIt() {
        DevPkiException e = assertThrows(DevPkiException.class, () -> pki.issueServer(NAMES, DAYS));

        assertEquals(pki.caKey() + " not found; create the development PKI first: quiz-server certs init --certs-dir "
                + certsDir, advice.describe(e));
    }

    @Test
    void describe_whenNoSuchClient_thenSaysWhatCanBeRevoked() throws Exception {
        pki.init(NAMES, DAYS, DAYS);

        DevPkiException e = assertThrows(DevPkiException.class, () -> pki.revoke("nobody"));

        assertEquals(pki.clientCertificate("nobody") + " not found; only certificates issued with "
                + "'quiz-server certs client nobody' can be revoked by name", advice.describe(e));
    }

    @Test
    void describe_whenAPlainFileExists_thenNamesForce() {
        Path file = dir.resolve("a.pem");

        assertEquals(file + " exists; use --force to replace it", advice.describe(ExistingFileException.of(file)));
    }

    @Test
    void describe_fromACheckout_thenNamesTheScripts() throws Exception {
        pki.init(NAMES, DAYS, DAYS);
        ExistingFileException e = assertThrows(ExistingFileException.class, () -> pki.init(NAMES, DAYS, DAYS));
        PkiAdvice fromCheckout = new PkiAdvice(InstalledCommands.inScriptsFolder("scripts"), Path.of("certs"));

        assertEquals(pki.caCertificate() + " exists: a development PKI is already here; to issue a server certificate"
                + " for other names (same key) run: scripts/quiz-server certs server --san NAME; to start over with a"
                + " new CA run: scripts/quiz-server certs init --force", fromCheckout.describe(e));
    }

    @Test
    void notices_whenCreated_thenSaysWhereAndForWhichNames() throws Exception {
        ServerPkiReport report = DevPki.ensureForServer(certsDir, NAMES);

        assertEquals(List.of("Created a development CA and server certificate in " + certsDir
                + " for localhost, 127.0.0.1, ::1"), advice.notices(report));
        assertEquals(List.of(), advice.notices(DevPki.ensureForServer(certsDir, NAMES)), "reused: nothing to say");
    }

    @Test
    void notices_whenANameIsAddedOrTheCertificateRenewed_thenSaysSo() throws Exception {
        pki.init(List.of("localhost"), Duration.ofDays(20), Duration.ofDays(5));

        List<String> renewed = advice.notices(DevPki.ensureForServer(certsDir, List.of("localhost")));
        List<String> reissued = advice.notices(DevPki.ensureForServer(certsDir, List.of("localhost", "quiz.test")));

        assertTrue(renewed.get(0).startsWith("Renewed " + pki.serverCertificate() + " (it expires "), renewed.toString());
        assertTrue(renewed.get(0).contains("; the new one is valid until "), renewed.toString());
        assertTrue(renewed.stream().anyMatch(line -> line.startsWith("The development CA " + pki.caCertificate()
                + " expires ") && line.contains("; run: quiz-server certs init --force --certs-dir " + certsDir
                + ", then give players the new " + pki.caCertificate())), "a 30-day CA is due: " + renewed);
        assertEquals("Re-issued " + pki.serverCertificate() + " to also cover quiz.test, for the same key",
                reissued.get(0));
    }

    @Test
    void connectCommand_quotesPathsAndLeavesTheDefaultPortOut() {
        assertEquals("quiz play --host localhost --cafile certs/ca.pem",
                ConnectCommand.to(InstalledCommands.ON_PATH, "localhost").port(26062)
                        .option("--cafile", "certs/ca.pem").toString());
        assertEquals("quiz play --host ::1 --port 4433 --cafile 'my certs/ca.pem'",
                ConnectCommand.to(InstalledCommands.ON_PATH, "::1").port(4433)
                        .option("--cafile", "my certs/ca.pem").toString());
        assertEquals("'my scripts/quiz' play --host localhost",
                ConnectCommand.to(InstalledCommands.inScriptsFolder("my scripts/"), "localhost").toString());
    }
}
