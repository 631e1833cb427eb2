package dev.tlsquiz.server.certs;

import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.server.ManifestVersionProvider;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quiz-server certs server --san NAME... [--days N]}: a new server certificate from the
 * development CA, replacing {@code server.pem} and {@code server.key} (atomically): e.g. to serve
 * under a real host name.
 */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = "Issues a new server certificate from the development CA, replacing server.pem and server.key.")
final class CertsServerCommand extends CertsSubcommand {

    @Option(names = "--san", paramLabel = "NAME", split = ",", required = true,
            description = "A name clients use to reach the server: host name or IP address; repeatable. "
                    + "The first is also the certificate's CN.")
    private List<String> names;

    @Option(names = "--days", paramLabel = "N", defaultValue = "90",
            description = "Days the certificate is valid (default: ${DEFAULT-VALUE}).")
    private int days;

    @Override
    void run() throws IOException {
        requireDays("--days", days);
        DevPki pki = certs.pki();
        X509Certificate server = pki.issueServer(names, Duration.ofDays(days));
        out().printf("Issued %s for %s, valid until %s%n", pki.serverCertificate(),
                String.join(", ", DevPki.subjectAltNames(server)), CertificateText.day(server.getNotAfter()));
        out().printf("Key: %s (secret, mode 0600)%n", pki.serverKey());
        out().printf("Certificate fingerprint %s%n", Fingerprints.certificate(server));
        out().printf("Restart quiz-server to serve it; clients connect with: %s%n", pki.clientCommand(names.get(0)));
    }
}
