package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.tls.pki.Fingerprints;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The known-hosts file as {@code quiz play} reads it: a server with any line in it is known, so a
 * changed key is refused as changed, never turned into a first-use question, however the line is written.
 */
class KnownHostsTrustTest {

    private static final String OTHER_PIN = "SHA256:" + "ab".repeat(32);

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
    void run_whenEntryWithTrailingCommentHoldsTheServersKey_thenPlays() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        String pin = Fingerprints.publicKeyPin(server.pki().server().certificate());
        Files.writeString(server.knownHosts(), "# my servers\n\n127.0.0.1:" + server.port() + " " + pin
                + "   # the test server\n", StandardCharsets.UTF_8);

        ClientResult result = Clients.run(server.argsWithoutCa("--auto"));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    }

    @Test
    void run_whenEntryWithTrailingCommentHoldsAnotherKey_thenRefusedAsChangedWithoutAsking() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        Files.writeString(server.knownHosts(), "# my servers\n127.0.0.1:" + server.port() + " " + OTHER_PIN
                + " # renewed in March\n", StandardCharsets.UTF_8);

        ClientResult result = playAtAnEmptyTerminal();

        assertRefusedAsChanged(result, 2);
        assertTrue(result.err().contains(OTHER_PIN), result.toString());
    }

    @Test
    void run_whenEntryPinIsTruncated_thenRefusedAsChangedWithoutAsking() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        Files.writeString(server.knownHosts(), "\n\n127.0.0.1:" + server.port() + " " + OTHER_PIN.substring(0, 20)
                + "\n", StandardCharsets.UTF_8);

        ClientResult result = playAtAnEmptyTerminal();

        assertRefusedAsChanged(result, 3);
    }

    /** A person at a terminal who types nothing: a first-use question would show, then end for lack of a reply. */
    private ClientResult playAtAnEmptyTerminal() {
        return Clients.run(new ByteArrayInputStream(new byte[0]), true, server.argsWithoutCa("--auto"));
    }

    private void assertRefusedAsChanged(ClientResult result, int line) {
        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        assertFalse(result.err().contains("[y/N]"), "a known server must not be asked about:\n" + result);
        assertTrue(result.err().contains("has changed"), result.toString());
        assertTrue(result.err().contains("line " + line + " of " + server.knownHosts()), result.toString());
        assertTrue(result.err().contains("quiz known-hosts remove 127.0.0.1:" + server.port()), result.toString());
        assertEquals(1, result.err().split("\n", -1).length - 1, "one line:\n" + result);
    }
}
