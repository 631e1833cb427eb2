package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.tls.pki.Fingerprints;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --pin} together with {@code --cafile}: the chain, the host name and the pin must all hold. */
class PinWithCaFileTest {

    @TempDir
    Path dir;

    private QuizServerFixture server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void run_whenCaFileTrustsTheServerButThePinIsWrong_thenRefusedAsPinMismatch(String provider) {
        server = QuizServerFixture.start(dir, builder -> builder);

        ClientResult result = Clients.run(server.args("--auto", "--pin", "SHA256:" + "0".repeat(64),
                "--tls-provider", provider, "--output", "json"));

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        assertEquals("PIN_MISMATCH", result.events("error").get(0).get("name").asText(), result.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void run_whenCaFileAndPinBothMatch_thenPlays(String provider) {
        server = QuizServerFixture.start(dir, builder -> builder);
        String pin = Fingerprints.publicKeyPin(server.pki().server().certificate());

        ClientResult result = Clients.run(server.args("--auto", "--pin", pin, "--tls-provider", provider));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void run_whenPinMatchesButTheCaFileDoesNot_thenRefused(String provider) {
        server = QuizServerFixture.start(dir, builder -> builder);
        String pin = Fingerprints.publicKeyPin(server.pki().server().certificate());

        Path otherCa = server.pki().otherCa().cert();

        ClientResult result = Clients.run("--auto", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--cafile", otherCa.toString(), "--pin", pin, "--tls-provider", provider,
                "--known-hosts", server.knownHosts().toString());

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        assertTrue(result.err().contains("is not signed by the CA in " + otherCa),
                result.toString());
    }

    @Test
    void run_whenPinIsTheCertificateFingerprint_thenSaysSoAndWhereTheKeyPinIs() {
        server = QuizServerFixture.start(dir, builder -> builder);
        String fingerprint = Fingerprints.certificate(server.pki().server().certificate());

        ClientResult result = Clients.run("--auto", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--pin", fingerprint, "--known-hosts", server.knownHosts().toString());

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        assertTrue(result.err().contains("is the certificate fingerprint, not the key pin"), result.toString());
        assertTrue(result.err().contains("quiz-server certs show FILE"), result.toString());
    }

    @Test
    void help_whenAsked_thenSaysThatPinAndCaFileBothApply() {
        ClientResult result = Clients.run("play", "--help");

        String help = result.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("With --cafile, both apply"), result.out());
    }
}
