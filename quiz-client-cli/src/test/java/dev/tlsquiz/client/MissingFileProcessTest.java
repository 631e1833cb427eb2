package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.testing.ClientProcess;
import dev.tlsquiz.client.testing.ClientResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file named on the command line that does not exist is a usage error (exit status 2) naming the
 * option, found before any connection: {@code quiz} as a real process, with nothing listening on the
 * port it is given, so a connection attempt would end with another code.
 */
class MissingFileProcessTest {

    /** A port below 1024 that no test server listens on: connecting would fail with exit status 3. */
    private static final String UNUSED_PORT = "9";

    @TempDir
    Path dir;

    @Test
    void main_whenTheCafileDoesNotExist_thenUsageErrorNamingCafile() throws Exception {
        Path missing = dir.resolve("no-such-ca.pem");
        ClientResult result = ClientProcess.run(dir, "--port", UNUSED_PORT, "--cafile", missing.toString(), "--auto");
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("--cafile: no such file: " + missing), result.err());
    }

    @Test
    void main_whenTheAnswersFileDoesNotExist_thenUsageErrorNamingAnswers() throws Exception {
        Path missing = dir.resolve("no-such-answers.txt");
        ClientResult result = ClientProcess.run(dir, "--port", UNUSED_PORT, "--answers", missing.toString());
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("--answers: no such file: " + missing), result.err());
    }

    @Test
    void main_whenTheClientKeyDoesNotExist_thenUsageErrorNamingKey() throws Exception {
        Path cert = dir.resolve("client.pem");
        Files.writeString(cert, "not checked before the key is found");
        Path missing = dir.resolve("no-such-client.key");
        ClientResult result = ClientProcess.run(dir, "--port", UNUSED_PORT, "--cert", cert.toString(),
                "--key", missing.toString(), "--auto");
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("--key: no such file: " + missing), result.err());
    }
}
