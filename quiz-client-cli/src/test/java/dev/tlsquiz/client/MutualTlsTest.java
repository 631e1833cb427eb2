package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.KnownHosts;
import dev.tlsquiz.tls.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Client certificates and a changed server key: TLS failures that reach the user as exit code 4. */
class MutualTlsTest {

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
    void run_whenServerRequiresCertificateAndWeSendOne_thenPlaysUnderTheCertificateName() {
        server = QuizServerFixture.start(dir,
                builder -> builder.tls(x -> x.withClientAuth(ClientAuthMode.REQUIRE, dir.resolve("ca.pem"))));

        ClientResult result = Clients.run(server.args("--auto", "--output", "json",
                "--cert", server.pki().clientCert().toString(), "--key", server.pki().clientKey().toString()));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        JsonNode welcome = result.events("welcome").get(0);
        assertEquals(TestPki.CLIENT_NAME, welcome.get("playerName").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void run_whenOurCertificateNamedUs_thenTheWelcomeSaysTheNameIsVerified(String provider) {
        server = QuizServerFixture.start(dir,
                builder -> builder.tls(x -> x.withClientAuth(ClientAuthMode.OPTIONAL, dir.resolve("ca.pem"))));

        ClientResult json = Clients.run(server.args("--auto", "--output", "json", "--tls-provider", provider,
                "--cert", server.pki().clientCert().toString(), "--key", server.pki().clientKey().toString()));
        ClientResult text = Clients.run(server.args("--auto", "--tls-provider", provider,
                "--cert", server.pki().clientCert().toString(), "--key", server.pki().clientKey().toString()));

        assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
        JsonNode welcome = json.events("welcome").get(0);
        assertEquals(TestPki.CLIENT_NAME, welcome.get("playerName").asText());
        assertTrue(welcome.get("nameVerified").asBoolean(), json.toString());
        assertEquals(ExitCodes.OK, text.exitCode(), text.toString());
        assertTrue(text.out().startsWith("Welcome, alice! (name verified by your certificate) 3 rounds"),
                text.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void run_whenTheServerAsksForACertificateAndWeHaveNone_thenTheNameIsMarkedUnverified(String provider) {
        server = QuizServerFixture.start(dir,
                builder -> builder.tls(x -> x.withClientAuth(ClientAuthMode.OPTIONAL, dir.resolve("ca.pem"))));

        ClientResult json = Clients.run(server.args("--auto", "--output", "json", "--tls-provider", provider));
        ClientResult text = Clients.run(server.args("--auto", "--tls-provider", provider));

        assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
        JsonNode welcome = json.events("welcome").get(0);
        assertEquals("~tester", welcome.get("playerName").asText());
        assertFalse(welcome.get("nameVerified").asBoolean(), json.toString());
        assertEquals(ExitCodes.OK, text.exitCode(), text.toString());
        assertTrue(text.out().startsWith("Welcome, ~tester! (~ marks an unverified name; --cert and --key verify yours) 3 rounds"),
                text.toString());
    }

    @Test
    void run_whenTheServerAsksForNoCertificate_thenOurCertificateVerifiesNothing() {
        server = QuizServerFixture.start(dir, builder -> builder);

        ClientResult json = Clients.run(server.args("--auto", "--output", "json",
                "--cert", server.pki().clientCert().toString(), "--key", server.pki().clientKey().toString()));

        assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
        JsonNode welcome = json.events("welcome").get(0);
        assertEquals("tester", welcome.get("playerName").asText());
        assertFalse(welcome.get("nameVerified").asBoolean(), json.toString());
    }

    @Test
    void run_whenServerRequiresCertificateAndWeSendNone_thenTlsFailure() {
        server = QuizServerFixture.start(dir,
                builder -> builder.tls(x -> x.withClientAuth(ClientAuthMode.REQUIRE, dir.resolve("ca.pem"))));

        ClientResult result = Clients.run(server.args("--auto"));

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("quiz: "), result.toString());
        assertEquals(1, result.err().split("\n", -1).length - 1, result.toString());
    }

    @Test
    void run_whenServerKeyChangedSinceKnownHosts_thenTlsFailure() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        KnownHosts.at(server.knownHosts()).remember("127.0.0.1", server.port(), "SHA256:" + "ab".repeat(32));

        ClientResult result = Clients.run(server.argsWithoutCa("--auto", "--output", "json"));

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        assertEquals("SERVER_KEY_CHANGED", result.events("error").get(0).get("name").asText(), result.toString());
    }
}
