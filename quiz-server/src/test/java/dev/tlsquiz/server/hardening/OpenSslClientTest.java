package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.testing.OpenSsl;
import dev.tlsquiz.tls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's TLS settings as {@code openssl s_client}, a separate TLS implementation in its own
 * process, sees them: TLS 1.3 with either key exchange group, the chain verified against the CA
 * with the host name checked; old versions and foreign ALPN refused; TLS 1.2 only when the
 * operator allows it; and under {@code --client-auth require} a client without a certificate
 * gets the {@code certificate_required} alert. Skipped where openssl is not installed.
 */
class OpenSslClientTest {

    @TempDir
    static Path dir;
    private static TestPki pki;

    @BeforeAll
    static void setUp() {
        OpenSsl.assumeAvailable();
        pki = TestPki.create(dir);
    }

    private static OpenSsl.Result sClient(UnaryOperator<ServerConfig.Builder> options, String... args) throws Exception {
        try (QuizServer server = Loopback.start(options.apply(Loopback.config(pki)).build())) {
            return SClient.run(server.localAddress().getPort(), args);
        }
    }

    private static String[] verifying(String... more) {
        String[] base = {"-CAfile", pki.caCert().toString(), "-servername", "localhost",
                "-verify_hostname", "localhost", "-verify_return_error", "-alpn", "tlsquiz/1"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static void assertHandshakeRefused(OpenSsl.Result result) {
        assertNotEquals(0, result.exitCode(), result.output());
        // s_client prints a session summary either way; a refused handshake has no cipher.
        assertTrue(result.output().contains("Cipher is (NONE)"), result.output());
    }

    @Test
    void sClient_whenTls13WithX25519_thenVerifiedAgainstTheCaWithHostname() throws Exception {
        OpenSsl.Result result = sClient(b -> b, verifying("-tls1_3", "-groups", "X25519"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("New, TLSv1.3"), result.output());
        assertTrue(result.output().contains("Server Temp Key: X25519"), result.output());
        assertTrue(result.output().contains("ALPN protocol: tlsquiz/1"), result.output());
        assertTrue(result.output().contains("Verify return code: 0 (ok)"), result.output());
    }

    @Test
    void sClient_whenTls13WithP256_thenVerifiedAgainstTheCaWithHostname() throws Exception {
        OpenSsl.Result result = sClient(b -> b, verifying("-tls1_3", "-groups", "P-256"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("New, TLSv1.3"), result.output());
        assertTrue(result.output().contains("Server Temp Key: ECDH, prime256v1"), result.output());
        assertTrue(result.output().contains("Verify return code: 0 (ok)"), result.output());
    }

    @Test
    void sClient_whenHostnameDoesNotMatch_thenVerificationFails() throws Exception {
        OpenSsl.Result result = sClient(b -> b, "-CAfile", pki.caCert().toString(), "-verify_hostname",
                "quiz.example.org", "-verify_return_error");
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("certificate verify failed"), result.output());
        assertTrue(result.output().contains("Verify return code: 62 (hostname mismatch)"), result.output());
    }

    @Test
    void sClient_whenTls12ByDefault_thenProtocolVersionAlert() throws Exception {
        OpenSsl.Result result = sClient(b -> b, verifying("-tls1_2"));
        assertHandshakeRefused(result);
        assertTrue(result.output().contains("alert protocol version"), result.output());
    }

    @Test
    void sClient_whenTls12AndTlsMin12_thenAccepted() throws Exception {
        OpenSsl.Result result = sClient(b -> b.tls(x -> x.withParameters(x.parameters().withProfile(TlsProfile.INTERMEDIATE))), verifying("-tls1_2"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("New, TLSv1.2"), result.output());
        assertTrue(result.output().contains("Verify return code: 0 (ok)"), result.output());
    }

    @Test
    void sClient_whenTls11OrTls10EvenWithTlsMin12_thenRefusedByTheServer() throws Exception {
        for (String version : new String[] {"-tls1_1", "-tls1"}) {
            // SECLEVEL=0 lets this openssl offer the old versions at all, so the refusal is the server's.
            OpenSsl.Result result = sClient(b -> b.tls(x -> x.withParameters(x.parameters().withProfile(TlsProfile.INTERMEDIATE))),
                    verifying(version, "-cipher", "DEFAULT@SECLEVEL=0"));
            assertHandshakeRefused(result);
            assertTrue(result.output().contains("alert protocol version"), version + ": " + result.output());
        }
    }

    @Test
    void sClient_whenOnlyHttp11Alpn_thenNoApplicationProtocolAlert() throws Exception {
        OpenSsl.Result result = sClient(b -> b, "-CAfile", pki.caCert().toString(), "-alpn", "http/1.1");
        assertHandshakeRefused(result);
        assertTrue(result.output().contains("no application protocol"), result.output());
    }

    @Test
    void sClient_whenClientAuthRequiredAndNoCertificate_thenCertificateRequiredAlert() throws Exception {
        try (QuizServer server = Loopback.start(Loopback.config(pki)
                .tls(x -> x.withClientAuth(ClientAuthMode.REQUIRE, pki.caCert())).build())) {
            // TLS 1.3 judges the client certificate after the client's Finished: hold stdin open to see the alert.
            OpenSsl.Result result = SClient.run(server.localAddress().getPort(), "alert", Duration.ofSeconds(10),
                    verifying("-tls1_3"));
            assertTrue(result.output().contains("certificate required") && result.output().contains("116"),
                    result.output());
        }
    }
}
