package dev.tlsquiz.server.certs;

import dev.tlsquiz.text.Counts;
import dev.tlsquiz.tls.pki.CertificateAuthority;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.WriteMode;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quiz-server certs init [--san NAME...] [--force] [--ca-days N] [--server-days N]}: writes
 * {@code ca.pem}, {@code ca.key}, {@code server.pem}, {@code server.key} and an empty {@code crl.pem}, then
 * prints the paths, the CA fingerprint and the command clients connect with. Refuses to replace an
 * existing PKI without {@code --force}.
 */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = "Create the development PKI: a CA and a server certificate signed by it.")
final class CertsInitCommand extends CertsSubcommand {

    @Option(names = "--san", paramLabel = "NAME", split = ",",
            description = "A name clients use to reach the server: host name or IP address; repeatable "
                    + "(default: localhost, 127.0.0.1, ::1).")
    private List<String> names;

    @Option(names = "--force", description = "Replace an existing development PKI (the old CA and its client "
            + "certificates stop working).")
    private boolean force;

    @Option(names = "--ca-days", paramLabel = "N", defaultValue = "1826",
            description = "Days the CA is valid (default: ${DEFAULT-VALUE}, 5 years).")
    private int caDays;

    @Option(names = "--server-days", paramLabel = "N", defaultValue = "90",
            description = "Days the server certificate is valid (default: ${DEFAULT-VALUE}; a server renews it "
                    + "30 days before it expires).")
    private int serverDays;

    @Override
    void run() throws IOException {
        requireDays("--ca-days", caDays);
        requireDays("--server-days", serverDays);
        List<String> serverNames = names == null || names.isEmpty() ? CertificateAuthority.DEFAULT_SERVER_NAMES : names;
        DevPki pki = certs.pki();
        DevPki.InitResult result = pki.init(serverNames, Duration.ofDays(caDays), Duration.ofDays(serverDays),
                force ? WriteMode.REPLACE : WriteMode.CREATE_NEW);
        out().printf("Created the development PKI in %s:%n", certs.certsDir());
        out().printf("  %-16s %s  (give it to every client)%n", "CA certificate", pki.caCertificate());
        out().printf("  %-16s %s  (secret, mode 0600: it can issue certificates)%n", "CA key", pki.caKey());
        out().printf("  %-16s %s  (%s; valid until %s)%n", "server cert", pki.serverCertificate(),
                String.join(", ", serverNames), CertificateText.day(result.server().getNotAfter()));
        out().printf("  %-16s %s  (secret, mode 0600)%n", "server key", pki.serverKey());
        out().printf("  %-16s %s  (revoked client certificates: none yet)%n", "CRL", pki.crl());
        out().printf("CA fingerprint %s%n", Fingerprints.certificate(result.ca()));
        out().printf("Server key pin %s (what players pass to --pin)%n", Fingerprints.publicKeyPin(result.server()));
        out().printf("Clients connect with: %s%n", connectCommand(serverNames.get(0)));
        out().printf("Issue a client certificate with: %s%n", advice().certsCommand("client NAME"));
        if (!result.staleClients().isEmpty()) {
            int stale = result.staleClients().size();
            out().printf("Note: %s in %s came from the old CA and no longer %s; re-issue %s with: %s%n",
                    Counts.of(stale, "client certificate"), pki.clientsDir(), stale == 1 ? "works" : "work",
                    stale == 1 ? "it" : "them", advice().certsCommand("client NAME --force"));
        }
        result.replacedServerKeyPin()
                .ifPresent(previous -> warnNewServerKey(pki.serverKey(), result.server(), previous));
    }
}
