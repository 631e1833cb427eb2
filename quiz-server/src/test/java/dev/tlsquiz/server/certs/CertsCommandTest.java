package dev.tlsquiz.server.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.cli.QuizServerMain;
import dev.tlsquiz.tls.pki.Certificates;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.CertificateUsage;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.SubjectAltNames;
import dev.tlsquiz.tls.testing.HostileText;
import dev.tlsquiz.tls.testing.OpenSsl;
import dev.tlsquiz.tls.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CertsCommandTest {

    @TempDir
    Path tempDir;

    private Path certsDir;
    private DevPki pki;

    /** What one run printed and returned. */
    private record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeEach
    void setUp() {
        certsDir = tempDir.resolve("certs");
        pki = DevPki.in(certsDir);
    }

    @Test
    void init_thenWritesThePkiWithSafeModesAndPrintsPathsFingerprintAndClientCommand() throws Exception {
        Run run = certs("init");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        X509Certificate ca = Pem.readCertificate(pki.caCertificate());
        assertEquals(List.of("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1"),
                SubjectAltNames.hostNames(Pem.readCertificate(pki.serverCertificate())));
        assertEquals("rwx------", mode(certsDir));
        assertEquals("rw-------", mode(pki.caKey()));
        assertEquals("rw-------", mode(pki.serverKey()));
        assertEquals("rw-r--r--", mode(pki.caCertificate()));
        assertEquals("rw-r--r--", mode(pki.serverCertificate()));
        assertTrue(run.out().startsWith("Created the development PKI in " + certsDir + ":\n"), run.out());
        for (Path file : List.of(pki.caCertificate(), pki.caKey(), pki.serverCertificate(), pki.serverKey(),
                pki.crl())) {
            assertTrue(run.out().contains(" " + file + "  ("), file + " in\n" + run.out());
        }
        assertTrue(run.out().contains("\nCA fingerprint " + Fingerprints.certificate(ca) + "\n"), run.out());
        assertTrue(run.out().contains("\nClients connect with: quiz play --host localhost --cafile "
                + pki.caCertificate() + "\n"), run.out());
    }

    @Test
    void init_whenPkiExists_thenExit1WithOneLineNamingCertsServerAndForceAndKeepsTheFiles() throws Exception {
        certs("init");
        X509Certificate ca = Pem.readCertificate(pki.caCertificate());

        Run run = certs("init");

        assertEquals(1, run.exitCode());
        assertEquals(List.of("quiz-server: " + pki.caCertificate() + " exists: a development PKI is already here; to"
                + " issue a server certificate for other names (same key) run: quiz-server certs server --san NAME"
                + " --certs-dir " + certsDir + "; to start over with a new CA run: quiz-server certs init --force"
                + " --certs-dir " + certsDir), run.errLines());
        assertEquals(ca, Pem.readCertificate(pki.caCertificate()));
    }

    @Test
    void init_whenForced_thenNewCaAndNoteAboutOldClients() throws Exception {
        certs("init");
        certs("client", "alice");
        X509Certificate oldCa = Pem.readCertificate(pki.caCertificate());

        Run run = certs("init", "--force");

        assertEquals(0, run.exitCode(), run.err());
        assertNotEquals(oldCa, Pem.readCertificate(pki.caCertificate()));
        assertTrue(run.out().contains("Note: 1 client certificate in " + pki.clientsDir()
                + " came from the old CA and no longer works; re-issue it with"), run.out());
        assertTrue(run.err().startsWith("quiz-server: WARNING: " + pki.serverKey() + " is a new key"), run.err());
        assertEquals("rw-------", mode(pki.caKey()));
    }

    @Test
    void init_withSansAndDays_thenServerCertificateHasThem() throws Exception {
        Run run = certs("init", "--san", "quiz.test", "--san", "192.0.2.7,::1", "--server-days", "10",
                "--ca-days", "30");

        assertEquals(0, run.exitCode(), run.err());
        X509Certificate server = Pem.readCertificate(pki.serverCertificate());
        assertEquals(List.of("quiz.test", "192.0.2.7", "0:0:0:0:0:0:0:1"), SubjectAltNames.hostNames(server));
        long days = (server.getNotAfter().getTime() - System.currentTimeMillis()) / 86_400_000L;
        assertEquals(9, days, "just under 10 days from now, in whole days");
        assertTrue(run.out().contains("quiz play --host quiz.test --cafile"), run.out());
    }

    @Test
    void init_whenSanInvalid_thenExit1AndNothingWritten() {
        Run run = certs("init", "--san", "bad name");

        assertEquals(1, run.exitCode());
        assertEquals(List.of("quiz-server: not a host name or IP address: 'bad name' "
                + "(expected e.g. localhost, quiz.example.org, 192.0.2.7 or ::1)"), run.errLines());
        assertFalse(Files.exists(pki.caKey()));
    }

    @Test
    void init_whenDaysNotPositive_thenUsageExit2() {
        Run run = certs("init", "--server-days", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("invalid value for --server-days: 0 (expected: 1..36500 days)"), run.err());
        assertFalse(Files.exists(pki.caKey()));
    }

    @Test
    void server_thenReplacesTheServerCertificateWithTheNewNames() throws Exception {
        certs("init");
        X509Certificate before = Pem.readCertificate(pki.serverCertificate());

        Run run = certs("server", "--san", "quiz.example.org", "--san", "10.1.2.3", "--days", "30");

        assertEquals(0, run.exitCode(), run.err());
        X509Certificate after = Pem.readCertificate(pki.serverCertificate());
        assertNotEquals(before, after);
        assertEquals(List.of("quiz.example.org", "10.1.2.3", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1"),
                SubjectAltNames.hostNames(after), "the loopback names are kept");
        assertTrue(Certificates.issuedBy(after, Pem.readCertificate(pki.caCertificate())));
        assertEquals("rw-------", mode(pki.serverKey()));
        assertTrue(run.out().startsWith("Issued " + pki.serverCertificate() + " for quiz.example.org, 10.1.2.3, "
                + "localhost, 127.0.0.1, 0:0:0:0:0:0:0:1, valid until "), run.out());
        assertTrue(run.out().contains("\nKept localhost, 127.0.0.1, ::1 among its names, so clients on this machine"
                + " still connect\n"), run.out());
    }

    @Test
    void server_withNewNames_thenKeepsTheKeyPinAndSaysSo() throws Exception {
        certs("init");
        String pin = Fingerprints.publicKeyPin(Pem.readCertificate(pki.serverCertificate()));

        Run run = certs("server", "--san", "quiz.example.org", "--san", "localhost");

        assertEquals(0, run.exitCode(), run.err());
        X509Certificate after = Pem.readCertificate(pki.serverCertificate());
        assertEquals(List.of("quiz.example.org", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1"),
                SubjectAltNames.hostNames(after));
        assertEquals(pin, Fingerprints.publicKeyPin(after));
        assertTrue(run.out().contains("\nKey pin " + pin + " (the same key: --pin and known_hosts entries still match)\n"),
                run.out());
        assertEquals("", run.err());
    }

    @Test
    void server_whenTheLoopbackNamesAreGivenInAnySpelling_thenAddsNoneAndSaysNothingAboutThem() throws Exception {
        certs("init");

        Run run = certs("server", "--san", "LOCALHOST,127.0.0.1,0:0:0:0:0:0:0:1,quiz.test");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("LOCALHOST", "127.0.0.1", "0:0:0:0:0:0:0:1", "quiz.test"),
                SubjectAltNames.hostNames(Pem.readCertificate(pki.serverCertificate())));
        assertFalse(run.out().contains("Kept"), run.out());
    }

    @Test
    void readmeRecipe_afterAServerMadeThePki_thenCertsServerAddsTheLanNameKeepingKeyAndLoopback() throws Exception {
        // README, "A secure quiz across two machines": the Play section's server has made the PKI already.
        DevPki.ensureForServer(certsDir, List.of("localhost", "127.0.0.1", "::1"));
        String pin = Fingerprints.publicKeyPin(Pem.readCertificate(pki.serverCertificate()));
        X509Certificate ca = Pem.readCertificate(pki.caCertificate());

        Run refused = certs("init", "--san", "quiz.lan");
        Run run = certs("server", "--san", "quiz.lan,192.0.2.7");

        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("quiz-server certs server --san NAME"), refused.err());
        assertEquals(0, run.exitCode(), run.err());
        X509Certificate server = Pem.readCertificate(pki.serverCertificate());
        assertEquals(List.of("quiz.lan", "192.0.2.7", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1"),
                SubjectAltNames.hostNames(server));
        assertEquals(pin, Fingerprints.publicKeyPin(server), "the key, and so every pin, stays");
        assertEquals(ca, Pem.readCertificate(pki.caCertificate()), "players keep their ca.pem");
        assertTrue(run.out().contains("clients connect with: quiz play --host quiz.lan --cafile " + pki.caCertificate()),
                run.out());
    }

    @Test
    void server_withNewKey_thenChangesTheKeyPinAndWarnsThatPinsMustBeUpdated() throws Exception {
        certs("init");
        String oldPin = Fingerprints.publicKeyPin(Pem.readCertificate(pki.serverCertificate()));

        Run run = certs("server", "--san", "localhost", "--new-key");

        assertEquals(0, run.exitCode(), run.err());
        X509Certificate after = Pem.readCertificate(pki.serverCertificate());
        String newPin = Fingerprints.publicKeyPin(after);
        assertNotEquals(oldPin, newPin);
        assertTrue(run.out().contains("\nKey pin " + newPin + " (a new key)\n"), run.out());
        assertTrue(run.err().startsWith("quiz-server: WARNING: " + pki.serverKey() + " is a new key (pin " + newPin
                + ", was " + oldPin + ")"), run.err());
        assertTrue(run.err().contains("--pin") && run.err().contains("known_hosts"), run.err());
    }

    @Test
    void server_withoutSan_thenUsageExit2() {
        assertEquals(2, certs("server").exitCode());
    }

    @Test
    void server_beforeInit_thenSaysToRunInit() {
        Run run = certs("server", "--san", "localhost");

        assertEquals(1, run.exitCode());
        assertEquals(List.of("quiz-server: " + pki.caKey() + " not found; create the development PKI first: "
                + "quiz-server certs init --certs-dir " + certsDir), run.errLines());
    }

    @Test
    void client_thenWritesItsFilesAndPrintsTheExactPlayCommand() throws Exception {
        certs("init");

        Run run = certs("client", "alice");

        assertEquals(0, run.exitCode(), run.err());
        X509Certificate alice = Pem.readCertificate(pki.clientCertificate("alice"));
        assertEquals("CN=alice", alice.getSubjectX500Principal().getName());
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), alice.getExtendedKeyUsage());
        assertEquals("rw-------", mode(pki.clientKey("alice")));
        assertEquals("rwx------", mode(pki.clientsDir()));
        assertTrue(run.out().contains("alice connects with: quiz play --host localhost --cert "
                + pki.clientCertificate("alice") + " --key " + pki.clientKey("alice") + " --cafile "
                + pki.caCertificate() + "\n"), run.out());
    }

    @Test
    void client_withRoleHost_thenMarksTheCertificateWithTheHostRole() throws Exception {
        certs("init");

        Run run = certs("client", "teach", "--role", "host");
        certs("client", "alice");

        assertEquals(0, run.exitCode(), run.err());
        X509Certificate teach = Pem.readCertificate(pki.clientCertificate("teach"));
        assertEquals(List.of("1.3.6.1.5.5.7.3.2", CertificateUsage.HOST_ROLE_OID), teach.getExtendedKeyUsage());
        assertTrue(CertificateUsage.hasHostRole(teach));
        assertFalse(CertificateUsage.hasHostRole(Pem.readCertificate(pki.clientCertificate("alice"))));
        assertTrue(run.out().contains("teach may open rooms on a server started with --room-hosts cert"), run.out());
        assertEquals(2, certs("client", "bob", "--role", "boss").exitCode());
    }

    @Test
    void client_whenItExists_thenExit1UnlessForced() throws Exception {
        certs("init");
        certs("client", "alice");
        X509Certificate first = Pem.readCertificate(pki.clientCertificate("alice"));

        Run refused = certs("client", "alice");
        assertEquals(1, refused.exitCode());
        assertEquals(1, refused.errLines().size());
        assertEquals("quiz-server: " + pki.clientCertificate("alice") + " exists; use --force to issue a new"
                + " certificate for alice (the old one stays valid until it expires or is revoked)",
                refused.err().strip());
        assertEquals(first, Pem.readCertificate(pki.clientCertificate("alice")));

        assertEquals(0, certs("client", "alice", "--force").exitCode());
        assertNotEquals(first, Pem.readCertificate(pki.clientCertificate("alice")));
    }

    @Test
    void client_whenNameInvalid_thenExit1WithTheRule() {
        certs("init");

        Run run = certs("client", "../evil");

        assertEquals(1, run.exitCode());
        assertEquals(List.of("quiz-server: invalid client name '../evil' (expected: 1-64 letters, digits, '.', '_' "
                + "or '-', e.g. alice)"), run.errLines());
    }

    @Test
    void client_whenCaKeyReadableByOthers_thenRefusesWithChmodFix() throws Exception {
        certs("init");
        Files.setPosixFilePermissions(pki.caKey(), PosixFilePermissions.fromString("rw-r--r--"));

        Run run = certs("client", "alice");

        assertEquals(1, run.exitCode());
        assertEquals(List.of("quiz-server: " + pki.caKey() + " is readable by group/others (mode 0644); run: chmod 600 "
                + pki.caKey()), run.errLines());
        assertFalse(Files.exists(pki.clientCertificate("alice")));
    }

    @Test
    void show_whenServerCertificate_thenPrintsEveryDocumentedField() throws Exception {
        certs("init");
        X509Certificate server = Pem.readCertificate(pki.serverCertificate());

        Run run = certs("show", pki.serverCertificate().toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(pki.serverCertificate() + ": certificate 1 of 1", lines.get(0));
        assertEquals("  subject:      CN=localhost", lines.get(1));
        assertEquals("  issuer:       " + Pem.readCertificate(pki.caCertificate()).getSubjectX500Principal().getName(),
                lines.get(2));
        assertTrue(lines.get(2).startsWith("  issuer:       CN=tlsquiz development CA "), lines.get(2));
        assertEquals("  serial:       " + server.getSerialNumber().toString(16), lines.get(3));
        assertEquals("  names:        DNS:localhost, IP:127.0.0.1, IP:0:0:0:0:0:0:0:1", lines.get(4));
        assertEquals("  purpose:      serverAuth", lines.get(5));
        assertEquals("  key usage:    digitalSignature", lines.get(6));
        assertEquals("  CA:           no", lines.get(7));
        assertEquals("  key:          EC secp256r1", lines.get(8));
        assertTrue(lines.get(9).matches("  valid from:   \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"), lines.get(9));
        assertTrue(lines.get(10).matches(
                "  valid until:  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(89 days left\\)"),
                lines.get(10));
        assertEquals("  fingerprint:  " + Fingerprints.certificate(server), lines.get(11));
        assertEquals("  key pin:      " + Fingerprints.publicKeyPin(server), lines.get(12));
        assertEquals("  issued by CA: yes, " + pki.caCertificate(), lines.get(13));
        assertEquals("  revoked:      no, not in " + pki.crl(), lines.get(14));
        assertEquals(15, lines.size());
    }

    @Test
    void show_whenCa_thenSaysCaWithPathLength() {
        certs("init");

        Run run = certs("show", pki.caCertificate().toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  CA:           yes (path length 0)\n"), run.out());
        assertTrue(run.out().contains("  key usage:    keyCertSign, cRLSign\n"), run.out());
    }

    @Test
    void show_fingerprint_thenMatchesOpenssl() {
        OpenSsl.assumeAvailable();
        certs("init");

        Run run = certs("show", pki.serverCertificate().toString());
        OpenSsl.Result openssl = OpenSsl.run("x509", "-noout", "-fingerprint", "-sha256",
                "-in", pki.serverCertificate().toString());

        String ours = run.out().lines().filter(line -> line.startsWith("  fingerprint:")).findFirst().orElseThrow()
                .substring("  fingerprint:".length()).strip();
        assertTrue(Fingerprints.matches(ours, openssl.output().strip().substring(openssl.output().indexOf('=') + 1)),
                ours + " vs " + openssl.output());
    }

    @Test
    void revoke_thenCrlListsTheClientAndShowNamesIt() throws Exception {
        certs("init");
        certs("client", "alice");
        certs("client", "bob");

        Run first = certs("revoke", "alice");
        Run second = certs("revoke", "bob");
        Run again = certs("revoke", "alice");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("Revoked alice (serial "), first.out());
        assertTrue(first.out().contains(pki.crl() + " now lists 1 revoked certificate,"), first.out());
        assertTrue(first.out().contains("picks up the new CRL automatically"), first.out());
        assertTrue(second.out().contains(pki.crl() + " now lists 2 revoked certificates,"), second.out());
        assertEquals(0, again.exitCode());
        assertTrue(again.out().contains("was already revoked"), again.out());
        X509CRL crl = Pem.readCrl(pki.crl());
        assertTrue(crl.isRevoked(Pem.readCertificate(pki.clientCertificate("alice"))));
        assertTrue(crl.isRevoked(Pem.readCertificate(pki.clientCertificate("bob"))));

        Run show = certs("show", pki.crl().toString());
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().startsWith(pki.crl() + ": CRL\n  issuer:       "
                + Pem.readCertificate(pki.caCertificate()).getSubjectX500Principal().getName() + "\n"), show.out());
        assertTrue(show.out().contains("  revoked:      2\n"), show.out());
        assertTrue(show.out().contains("  (alice)\n") && show.out().contains("  (bob)\n"), show.out());

        Run showClient = certs("show", pki.clientCertificate("alice").toString());
        assertTrue(showClient.out().contains("  revoked:      YES, in " + pki.crl() + "\n"), showClient.out());
    }

    @Test
    void show_whenCertificateNamesHoldEscapes_thenPrintsThemAsVisibleEscapes() throws Exception {
        // Names an attacker picked for a certificate an operator is asked to inspect (README: "certs show"
        // is how to read a pin): they must not redraw the output or hide the real key pin.
        TestPki.HostileServer hostile = TestPki.create(Files.createDirectories(tempDir.resolve("hostile")))
                .hostileServer(HostileText.wrap("tlsquiz CA"),
                        HostileText.HIDE + "localhost" + HostileText.RIGHT_TO_LEFT,
                        "quiz" + HostileText.CLEAR_SCREEN + HostileText.TITLE + ".example");

        Run server = certs("show", hostile.server().cert().toString());
        Run ca = certs("show", hostile.caCert().toString());

        assertEquals(0, server.exitCode(), server.err());
        HostileText.assertNothingForTheTerminal(server.out());
        HostileText.assertNothingForTheTerminal(server.err());
        List<String> lines = server.out().lines().toList();
        assertEquals("  subject:      CN=\\x1b[8mlocalhost\\u202e", lines.get(1));
        assertTrue(lines.get(2).startsWith("  issuer:       CN=\\x1b[2J\\x1b[H\\x1b]0"), lines.get(2));
        assertTrue(lines.get(2).contains("tlsquiz CA\\u202eevil\\x9b2J\\x0d\\x0a\\x1b]52"), lines.get(2));
        assertEquals("  names:        DNS:quiz\\x1b[2J\\x1b[H\\x1b]0;owned\\x07.example", lines.get(4));
        assertEquals("  key pin:      " + Fingerprints.publicKeyPin(hostile.server().certificate()), lines.get(12));
        assertEquals(0, ca.exitCode(), ca.err());
        HostileText.assertNothingForTheTerminal(ca.out());
    }

    @Test
    void show_whenAClientFileNameHoldsEscapes_thenTheCrlNamesItVisibly() throws Exception {
        certs("init");
        certs("client", "bob");
        certs("revoke", "bob");
        Path hostileName = pki.clientCertificate("bob").resolveSibling("bob" + HostileText.CLEAR_SCREEN + ".pem");
        Files.move(pki.clientCertificate("bob"), hostileName);

        Run show = certs("show", pki.crl().toString());

        assertEquals(0, show.exitCode(), show.err());
        HostileText.assertNothingForTheTerminal(show.out());
        assertTrue(show.out().contains("  (bob\\x1b[2J\\x1b[H)\n"), show.out());
    }

    @Test
    void revoke_whenUnknownClient_thenExit1() {
        certs("init");

        Run run = certs("revoke", "nobody");

        assertEquals(1, run.exitCode());
        assertEquals(List.of("quiz-server: " + pki.clientCertificate("nobody") + " not found; only certificates "
                + "issued with 'quiz-server certs client nobody' can be revoked by name"), run.errLines());
    }

    @Test
    void show_whenFileMissingOrNotPem_thenExit1WithOneLine() throws Exception {
        Path missing = tempDir.resolve("missing.pem");
        Path text = Files.writeString(tempDir.resolve("notes.txt"), "hello");

        assertEquals(List.of("quiz-server: " + missing + " not found; check the path"),
                certs("show", missing.toString()).errLines());
        Run notPem = certs("show", text.toString());
        assertEquals(1, notPem.exitCode());
        assertEquals(List.of("quiz-server: " + text + " holds no PEM block (expected -----BEGIN ...-----)"),
                notPem.errLines());
    }

    @Test
    void certs_withoutSubcommand_thenUsageExit2() {
        Run run = execute(new CommandLine(new CertsCommand()));

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("init"), run.err());
    }

    @Test
    void rootCommand_thenCertsIsASubcommandAndInitWorks() throws Exception {
        CommandLine root = QuizServerMain.newCommandLine();

        Run run = execute(root, "certs", "init", "--certs-dir", certsDir.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(pki.serverKey()));
        Run help = execute(QuizServerMain.newCommandLine(), "certs", "client", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("--certs-dir=DIR"), help.out());
    }

    private Run certs(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty()) {
            // --certs-dir belongs to each subcommand, right after its name.
            all.addAll(1, List.of("--certs-dir", certsDir.toString()));
        }
        return execute(new CommandLine(new CertsCommand()), all.toArray(String[]::new));
    }

    private static Run execute(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
