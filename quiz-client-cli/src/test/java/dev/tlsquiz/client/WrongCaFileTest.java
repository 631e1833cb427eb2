package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.tls.pki.CertificateAuthority;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.ServerPkiReport;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two development PKIs, as on two machines that each ran a server once: a player holding the other one's
 * {@code ca.pem} is told which CA that file holds and where the right one comes from.
 */
class WrongCaFileTest {

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
    void run_whenTheCaFileIsAnotherDevelopmentPkis_thenNamesTheFileAndItsFingerprint() throws Exception {
        ServerPkiReport served = DevPki.ensureForServer(dir.resolve("a"), CertificateAuthority.DEFAULT_SERVER_NAMES);
        ServerPkiReport other = DevPki.ensureForServer(dir.resolve("b"), CertificateAuthority.DEFAULT_SERVER_NAMES);
        String servedCa = Pem.readCertificate(served.pki().caCertificate()).getSubjectX500Principal().getName();
        assertNotEquals(servedCa, Pem.readCertificate(other.pki().caCertificate()).getSubjectX500Principal().getName(),
                "two development CAs have names that tell them apart");
        server = QuizServerFixture.start(dir, builder -> builder.tls(x -> x.withCertsDir(dir.resolve("a"))
                .withCertificate(served.pki().serverCertificate(), served.pki().serverKey())));

        ClientResult result = Clients.run("play", "--auto", "--host", "localhost", "--port",
                Integer.toString(server.port()), "--cafile", other.pki().caCertificate().toString(), "--known-hosts",
                server.knownHosts().toString());

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        String err = result.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("the server's certificate for localhost is not signed by the CA in "
                + other.pki().caCertificate() + " (" + other.caFingerprint() + "; it names its issuer as '"
                + servedCa + "'); get the CA file from the server's operator"), err);
        assertFalse(err.contains("pass --cafile"), err);
    }
}
