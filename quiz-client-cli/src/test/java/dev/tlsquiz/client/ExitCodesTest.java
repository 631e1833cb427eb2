package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.client.testing.RawTlsServer;
import dev.tlsquiz.client.testing.ScriptedInput;
import dev.tlsquiz.tls.KnownHosts;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exit code, each produced by a real situation. */
class ExitCodesTest {

    @TempDir
    Path dir;

    private QuizServerFixture server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void run_whenNothingListens_thenCouldNotConnect() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        ClientResult result = Clients.run("--auto", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--known-hosts", dir.resolve("kh").toString());

        assertEquals(ExitCodes.CONNECT_FAILED, result.exitCode(), result.toString());
        assertEquals("quiz: could not connect to 127.0.0.1:" + port + ": connection refused"
                + " — is the server running? start it with scripts/quiz-server\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void run_whenHostUnknown_thenCouldNotConnect() {
        ClientResult result = Clients.run("--auto", "--host", "no-such-host.invalid",
                "--known-hosts", dir.resolve("kh").toString());

        assertEquals(ExitCodes.CONNECT_FAILED, result.exitCode(), result.toString());
        assertTrue(result.err().contains("unknown host 'no-such-host.invalid'"), result.toString());
    }

    @Test
    void run_whenServerCertificateFromAnotherCa_thenTlsFailure() {
        server = QuizServerFixture.start(dir, builder -> builder);
        TestPki.Credentials other = server.pki().otherCa();

        ClientResult result = Clients.run("--auto", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--cafile", other.cert().toString(), "--known-hosts", server.knownHosts().toString());

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        assertOneLine(result.err());
    }

    @Test
    void run_whenPinDoesNotMatch_thenTlsFailure() {
        server = QuizServerFixture.start(dir, builder -> builder);

        ClientResult result = Clients.run("--auto", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--pin", "SHA256:" + "0".repeat(64), "--known-hosts", server.knownHosts().toString(),
                "--output", "json");

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        JsonNode error = result.events("error").get(0);
        assertEquals(ExitCodes.TLS_FAILED, error.get("exitCode").asInt());
        assertEquals("PIN_MISMATCH", error.get("name").asText(), result.toString());
        assertTrue(error.has("message") && error.has("code"), error.toString());
        assertEquals(1, result.jsonLines().size(), result.toString());
    }

    @Test
    void run_whenPinMatches_thenPlays() {
        server = QuizServerFixture.start(dir, builder -> builder);
        String pin = Fingerprints.publicKeyPin(server.pki().server().certificate());

        ClientResult result = Clients.run("--auto", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--pin", pin, "--known-hosts", server.knownHosts().toString());

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    }

    @Test
    void run_whenServerUnknownAndNoTerminal_thenRefusesAndSaysHowToTrustIt() {
        server = QuizServerFixture.start(dir, builder -> builder);
        String pin = Fingerprints.publicKeyPin(server.pki().server().certificate());

        ClientResult result = Clients.run(server.argsWithoutCa("--auto"));

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        assertTrue(result.err().contains("--pin " + pin), result.toString());
        assertTrue(result.err().contains("--cafile"), result.toString());
        assertOneLine(result.err());
        assertFalse(Files.exists(server.knownHosts()), "nothing may be remembered without asking");
    }

    @Test
    void run_whenServerKeyIsInKnownHosts_thenPlays() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        String pin = Fingerprints.publicKeyPin(server.pki().server().certificate());
        KnownHosts.at(server.knownHosts()).remember("127.0.0.1", server.port(), pin);

        ClientResult result = Clients.run(server.argsWithoutCa("--auto"));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    }

    @Test
    void run_whenServerUnknownAndPersonTrustsIt_thenRemembersAndPlays() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        String pin = Fingerprints.publicKeyPin(server.pki().server().certificate());
        ScriptedInput keyboard = new ScriptedInput();
        Clients.Background run = new Clients.Background(keyboard, true, server.argsWithoutCa("--auto"));

        run.err().await("Trust this server and remember it in " + server.knownHosts() + "? [y/N] ");
        assertTrue(run.err().text().contains(pin), run.err().text());
        keyboard.type("y");
        ClientResult result = run.await();

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertEquals(Optional.of(pin), KnownHosts.at(server.knownHosts()).pinFor("127.0.0.1", server.port()));
    }

    @Test
    void run_whenServerUnknownAndPersonSaysNo_thenRefuses() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        ScriptedInput keyboard = new ScriptedInput();
        Clients.Background run = new Clients.Background(keyboard, true, server.argsWithoutCa());

        run.err().await("[y/N] ");
        keyboard.type("n");
        ClientResult result = run.await();

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        assertFalse(Files.exists(server.knownHosts()));
    }

    @Test
    void run_whenServerSendsGarbage_thenProtocolError() throws Exception {
        TestPki pki = TestPki.create(dir);
        try (RawTlsServer raw = new RawTlsServer(pki, RawTlsServer.Behavior.GARBAGE)) {
            ClientResult result = Clients.run("--auto", "--host", "127.0.0.1", "--port", Integer.toString(raw.port()),
                    "--cafile", pki.caCert().toString(), "--known-hosts", dir.resolve("kh").toString());

            assertEquals(ExitCodes.PROTOCOL_ERROR, result.exitCode(), result.toString());
            assertTrue(result.err().contains("sent data this client cannot read"), result.toString());
            assertOneLine(result.err());
        }
    }

    @Test
    void run_whenServerClosesMidSession_thenProtocolErrorNamingTheRound() throws Exception {
        TestPki pki = TestPki.create(dir);
        try (RawTlsServer raw = new RawTlsServer(pki, RawTlsServer.Behavior.CLOSE_AFTER_FIRST_PROBLEM)) {
            // A player who types nothing: the session must end because of the server, not a BYE.
            ClientResult result = Clients.run(new ScriptedInput(), true, "--host", "127.0.0.1",
                    "--port", Integer.toString(raw.port()), "--cafile", pki.caCert().toString(),
                    "--known-hosts", dir.resolve("kh").toString());

            assertEquals(ExitCodes.PROTOCOL_ERROR, result.exitCode(), result.toString());
            assertTrue(result.err().contains("the server closed the connection during round 1/3"), result.toString());
        }
    }

    @Test
    void run_whenServerShutsDownMidSession_thenReportsTheServerError() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        ScriptedInput keyboard = new ScriptedInput();
        Clients.Background run = new Clients.Background(keyboard, true, server.args());
        run.out().await(Pattern.compile("Problem 1/3"), 1);

        server.close();
        ClientResult result = run.await();

        assertEquals(ExitCodes.PROTOCOL_ERROR, result.exitCode(), result.toString());
        assertTrue(result.err().contains("server error SERVER_SHUTTING_DOWN (32): "), result.toString());
    }

    @Test
    void run_whenAnswersRunOutOnPipedStdin_thenCompletesWithZero() {
        server = QuizServerFixture.start(dir, builder -> builder);

        ClientResult result = Clients.run(new ByteArrayInputStream("1\n2\n".getBytes(StandardCharsets.UTF_8)), false,
                server.args("--output", "json"));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertEquals(2, result.events("summary").get(0).get("answered").asInt(), result.toString());
    }

    private static void assertOneLine(String err) {
        assertEquals(1, err.split("\n", -1).length - 1, "expected one line on stderr:\n" + err);
        assertTrue(err.startsWith("quiz: "), err);
        assertFalse(err.contains("Exception"), err);
    }
}
