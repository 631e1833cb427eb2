package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.cli.DefaultSubcommand;
import dev.tlsquiz.server.cli.QuizServerMain;
import dev.tlsquiz.server.cli.ServerExitCodes;
import dev.tlsquiz.tls.pki.CertificateAuthority;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.testing.HostileText;
import dev.tlsquiz.tls.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, in process: the default command, help, and one-line errors with exit status 2 or 1. */
class QuizServerCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = QuizServerMain.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(QuizServerMain.withDefaultCommand(commandLine, args));
    }

    @Test
    void withDefaultCommand_whenNoCommandIsGiven_thenServeIsPutInFront() {
        CommandLine commandLine = QuizServerMain.newCommandLine();
        assertArrayEquals(new String[] {"serve", "--port", "4000"},
                QuizServerMain.withDefaultCommand(commandLine, "--port", "4000"));
        assertArrayEquals(new String[] {"serve"}, QuizServerMain.withDefaultCommand(commandLine));
        assertArrayEquals(new String[] {"certs", "init"}, QuizServerMain.withDefaultCommand(commandLine, "certs", "init"));
        assertArrayEquals(new String[] {"--help"}, QuizServerMain.withDefaultCommand(commandLine, "--help"));
        assertArrayEquals(new String[] {"serve", "--port", "1", "--help"},
                QuizServerMain.withDefaultCommand(commandLine, "--port", "1", "--help"));
    }

    @Test
    void help_showsTheCommandsAndTheServeOptionsWithDefaults() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        for (String expected : new String[] {"certs", "serve", "--time-limit", "default: 30s", "--port",
                "default: 26062", "--client-auth", "default: none", "--ops", "default: add", "--idle-timeout",
                "--shutdown-grace", "--tls-min", "--max-frame-bytes", "default: 16384", "--seed"}) {
            assertTrue(help.contains(expected), () -> "help lacks '" + expected + "':\n" + help);
        }
    }

    @Test
    void version_printsTheVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("quiz-server "), out::toString);
    }

    @Test
    void serve_whenADurationIsUnreadable_thenExitsTwoWithOneLine() {
        // A bare number is seconds since the duration syntax is the client's and the server's in one.
        assertEquals(2, run("--time-limit", "30 seconds"));
        assertOneLineError("invalid value for --time-limit: '30 seconds' (expected: a number and a unit");
    }

    @Test
    void serve_whenAnOperationIsUnknown_thenExitsTwoNamingTheAcceptedOnes() {
        assertEquals(2, run("--ops", "add,pow"));
        assertOneLineError("invalid value for --ops: 'pow' (expected: add, sub, mul or div)");
    }

    @Test
    void serve_whenIdleTimeoutIsNotAboveTheTimeLimit_thenExitsTwo() {
        assertEquals(2, run("--time-limit", "1m", "--idle-timeout", "30s"));
        assertOneLineError("--idle-timeout (30s) must be longer than --time-limit (1m)");
    }

    @Test
    void serve_whenOnlyTheCertificateIsGiven_thenExitsTwo() {
        assertEquals(2, run("--cert", "server.pem"));
        assertOneLineError("--cert and --key go together");
    }

    @Test
    void serve_whenTheClientAuthModeIsUnknown_thenExitsTwo() {
        assertEquals(2, run("--client-auth", "maybe"));
        assertOneLineError("invalid value for --client-auth: 'maybe' (expected: none, optional or require)");
    }

    @Test
    void serve_whenTlsMinIsTooOld_thenExitsTwo() {
        assertEquals(2, run("--tls-min", "1.1"));
        assertOneLineError("invalid value for --tls-min: '1.1' (expected: 1.3 or 1.2)");
    }

    @Test
    void serve_whenTlsGroupsOnTheJdkProvider_thenExitsTwo() {
        assertEquals(2, run("--tls-provider", "jdk", "--tls-groups", "P-256"));
        assertOneLineError("--tls-groups needs the OpenSSL provider");
    }

    @Test
    void serve_whenTlsGroupUnknown_thenExitsFourNamingTheGroup() throws Exception {
        TestPki pki = TestPki.create(dir);
        assertEquals(ServerExitCodes.TLS_SETUP, run("--port", "0", "--tls-groups", "X25519:P-257", "--cert", pki.serverCert().toString(),
                "--key", pki.serverKey().toString()));
        String message = err.toString().strip();
        assertTrue(message.startsWith("quiz-server: ") && message.contains("P-257"), message);
    }

    @Test
    void serve_whenThePortIsTaken_thenExitsThreeWithOneClearLine() throws Exception {
        TestPki pki = TestPki.create(dir);
        try (TestServers.Running running = TestServers.Running.start(TestServers.config().build(), pki)) {
            int port = running.server().localAddress().getPort();
            assertEquals(ServerExitCodes.CANNOT_LISTEN, run("--port", Integer.toString(port), "--cert", pki.serverCert().toString(),
                    "--key", pki.serverKey().toString()));
            assertEquals("quiz-server: port " + port + " on 127.0.0.1 is already in use; stop the other server"
                    + " or pass --port N", err.toString().strip());
        }
    }

    @Test
    void serve_whenTheCertificateFileIsMissing_thenExitsFourNamingIt() {
        assertEquals(ServerExitCodes.TLS_SETUP, run("--port", "0", "--cert", dir.resolve("missing.pem").toString(),
                "--key", dir.resolve("missing.key").toString()));
        assertTrue(err.toString().contains("missing"), err::toString);
        assertEquals(1, err.toString().strip().lines().count(), err::toString);
    }

    @Test
    void serve_whenTheCrlIssuerNameHoldsEscapes_thenTheErrorShowsThemVisibly() throws Exception {
        TestPki pki = TestPki.create(dir);
        CertificateAuthority stranger = CertificateAuthority.create(HostileText.wrap("tlsquiz CA"), Duration.ofDays(1));
        Pem.writeCrl(dir.resolve("crl.pem"), stranger.createCrl(List.of(), Duration.ofDays(1)));

        assertEquals(ServerExitCodes.TLS_SETUP, run("--port", "0", "--cert", pki.serverCert().toString(),
                "--key", pki.serverKey().toString(), "--client-auth", "require", "--certs-dir", dir.toString()));

        HostileText.assertNothingForTheTerminal(err.toString());
        assertOneLineError("is issued by CN=\\x1b[2J\\x1b[H\\x1b]0");
    }

    /** As {@link QuizServerMain#run} runs it, with the output captured. */
    private int runAsMain(String... args) {
        CommandLine commandLine = QuizServerMain.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return DefaultSubcommand.execute(commandLine, "serve", args);
    }

    @Test
    void unknownOption_whenMistyped_thenOneLineWithTheNearestOption() {
        assertEquals(2, runAsMain("--prot", "4000"));
        assertEquals("quiz-server: unknown option '--prot' (did you mean '--port'?); see 'quiz-server serve --help'",
                err.toString().strip());
    }

    @Test
    void unknownCommand_whenMistyped_thenOneLineWithTheNearestCommand() {
        assertEquals(2, runAsMain("cert", "init"));
        assertEquals("quiz-server: unknown command 'cert' (did you mean 'certs'?); see 'quiz-server --help'",
                err.toString().strip());
    }

    @Test
    void certs_whenNoSubcommand_thenOneLineSayingWhatToDo() {
        assertEquals(2, runAsMain("certs"));
        assertEquals("quiz-server: say what to do: init, server, client, show or revoke;"
                + " see 'quiz-server certs --help'", err.toString().strip());
    }

    private void assertOneLineError(String expected) {
        String message = err.toString().strip();
        assertTrue(message.contains(expected), () -> "stderr: " + message);
        assertTrue(message.startsWith("quiz-server: "), message);
        assertEquals(1, message.lines().count(), message);
    }
}
