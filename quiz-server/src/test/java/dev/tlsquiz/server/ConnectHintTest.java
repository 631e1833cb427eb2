package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlsquiz.server.certs.InstalledCommands;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.pki.CertificateAuthority;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.ServerPkiReport;
import dev.tlsquiz.tls.testing.TestPki;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "clients connect with" lines: an address the server listens on and its certificate covers, and the options it needs. */
class ConnectHintTest {

    @TempDir
    Path dir;

    private Path certsDir;
    private ServerPkiReport devPki;
    private X509Certificate devServer;
    private String ca;

    @BeforeEach
    void setUp() throws Exception {
        certsDir = dir.resolve("certs");
        devPki = DevPki.ensureForServer(certsDir, CertificateAuthority.DEFAULT_SERVER_NAMES);
        devServer = Pem.readCertificate(devPki.pki().serverCertificate());
        ca = devPki.pki().caCertificate().toString();
    }

    @Test
    void loopbackBindOnTheDefaultPort_thenLocalhostAndTheCaFile() {
        assertEquals(List.of("CA fingerprint " + devPki.caFingerprint(),
                        "clients connect with: quiz play --host localhost --cafile " + ca),
                ConnectHint.lines(dev("127.0.0.1", 26062, ClientAuthMode.NONE, List.of())));
    }

    @Test
    void anotherPort_thenNamesIt() {
        assertEquals("clients connect with: quiz play --host localhost --port 40123 --cafile " + ca,
                ConnectHint.lines(dev("::1", 40123, ClientAuthMode.NONE, List.of())).get(1));
    }

    @Test
    void aSpecificAddressTheCertificateCovers_thenThatAddress() throws Exception {
        DevPki.ensureForServer(certsDir, List.of("localhost", "127.0.0.1", "::1", "192.0.2.7"));
        devServer = Pem.readCertificate(devPki.pki().serverCertificate());

        assertEquals("clients connect with: quiz play --host 192.0.2.7 --cafile " + ca,
                ConnectHint.lines(dev("192.0.2.7", 26062, ClientAuthMode.NONE, List.of())).get(1));
    }

    @Test
    void wildcardBind_thenTheMachinesCoveredAddressesFirst() throws Exception {
        DevPki.ensureForServer(certsDir, List.of("localhost", "127.0.0.1", "::1", "192.0.2.7", "2001:db8::7"));
        devServer = Pem.readCertificate(devPki.pki().serverCertificate());
        List<InetAddress> machine = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("198.51.100.9"),
                InetAddress.getByName("192.0.2.7"), InetAddress.getByName("2001:db8::7"));

        assertEquals("clients connect with: quiz play --host 192.0.2.7 --cafile " + ca + "  (or --host localhost"
                        + " or --host 127.0.0.1)",
                ConnectHint.lines(dev("0.0.0.0", 26062, ClientAuthMode.NONE, machine)).get(1));
        assertEquals("clients connect with: quiz play --host 192.0.2.7 --cafile " + ca + "  (or --host 2001:db8::7"
                        + " or --host localhost or --host 127.0.0.1 or --host ::1)",
                ConnectHint.lines(dev("::", 26062, ClientAuthMode.NONE, machine)).get(1));
    }

    @Test
    void wildcardBindWhenTheCertificateCoversNoAddressOfTheMachine_thenSaysHowToAddOne() throws Exception {
        List<InetAddress> machine = List.of(InetAddress.getByName("198.51.100.9"));

        List<String> lines = ConnectHint.lines(dev("0.0.0.0", 26062, ClientAuthMode.NONE, machine));

        assertEquals(List.of("CA fingerprint " + devPki.caFingerprint(),
                "clients connect with: quiz play --host localhost --cafile " + ca
                        + "  (or --host 127.0.0.1)",
                "the server certificate covers none of this machine's other addresses (198.51.100.9); to add one"
                        + " run: quiz-server certs server --san 198.51.100.9 --certs-dir " + certsDir), lines);
    }

    @Test
    void wildcardBindWhenTheCertificateNamesOthersButNotTheMachine_thenTheFixKeepsThoseNames() throws Exception {
        DevPki.ensureForServer(certsDir, List.of("localhost", "127.0.0.1", "::1", "quiz.lan"));
        devServer = Pem.readCertificate(devPki.pki().serverCertificate());
        List<InetAddress> machine = List.of(InetAddress.getByName("198.51.100.9"));

        assertEquals("the server certificate covers none of this machine's other addresses (198.51.100.9); to add one"
                        + " run: quiz-server certs server --san quiz.lan --san 198.51.100.9 --certs-dir " + certsDir,
                ConnectHint.lines(dev("0.0.0.0", 26062, ClientAuthMode.NONE, machine)).get(2));
    }

    @Test
    void clientCertificatesRequired_thenCertAndKeyPlaceholdersAndHowToIssueThem() {
        List<String> lines = ConnectHint.lines(dev("127.0.0.1", 26062, ClientAuthMode.REQUIRE, List.of()));

        Path clients = certsDir.resolve("clients");
        assertEquals(List.of("CA fingerprint " + devPki.caFingerprint(),
                "clients connect with: quiz play --host localhost --cert " + clients.resolve("NAME.pem") + " --key "
                        + clients.resolve("NAME.key") + " --cafile " + ca,
                "every player needs a client certificate (--cert, --key); issue one with: quiz-server certs client"
                        + " NAME --certs-dir " + certsDir), lines);
    }

    @Test
    void clientCertificatesOptional_thenMentionsThem() {
        List<String> lines = ConnectHint.lines(dev("127.0.0.1", 26062, ClientAuthMode.OPTIONAL, List.of()));

        assertEquals("clients connect with: quiz play --host localhost --cafile " + ca, lines.get(1));
        assertEquals("players with a client certificate add --cert NAME.pem --key NAME.key to play under their"
                + " verified name; issue one with: quiz-server certs client NAME --certs-dir " + certsDir, lines.get(2));
    }

    @Test
    void ownCertificate_thenThePinOrTheOperatorsCa() throws Exception {
        TestPki own = TestPki.create(dir.resolve("own"));
        X509Certificate server = Pem.readCertificate(own.serverCert());

        List<String> lines = ConnectHint.lines(new ConnectHint.Facts(InstalledCommands.inScriptsFolder("scripts"),
                "127.0.0.1", 4433, ClientAuthMode.NONE, server, Optional.empty(), List.of()));

        assertEquals(List.of("clients connect with: scripts/quiz play --host localhost --port 4433 --pin "
                + Fingerprints.publicKeyPin(server) + "  (or, in place of --pin, --cafile YOUR-CA.pem: the CA that"
                + " signed the server certificate)"), lines);
    }

    @Test
    void ownCertificateNotCoveringTheBindAddress_thenOneOfItsNames() throws Exception {
        TestPki own = TestPki.create(dir.resolve("own"));
        X509Certificate server = Pem.readCertificate(own.serverWithSans("quiz.example.org").cert());

        List<String> lines = ConnectHint.lines(new ConnectHint.Facts(InstalledCommands.ON_PATH, "127.0.0.1", 26062,
                ClientAuthMode.NONE, server, Optional.empty(), List.of()));

        assertEquals("clients connect with: quiz play --host NAME --pin " + Fingerprints.publicKeyPin(server)
                + "  (or, in place of --pin, --cafile YOUR-CA.pem: the CA that signed the server certificate)"
                + "  (NAME: one of the server certificate's names: quiz.example.org)", lines.get(0));
    }

    private ConnectHint.Facts dev(String bind, int port, ClientAuthMode clientAuth, List<InetAddress> machine) {
        return new ConnectHint.Facts(InstalledCommands.ON_PATH, bind, port, clientAuth, devServer, Optional.of(devPki),
                machine);
    }

}
