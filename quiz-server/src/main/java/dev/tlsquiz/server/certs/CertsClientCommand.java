package dev.tlsquiz.server.certs;

import dev.tlsquiz.tls.pki.CertificateAuthority;
import dev.tlsquiz.tls.pki.CertificateUsage;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.IssuedCertificate;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.SubjectAltNames;
import dev.tlsquiz.tls.pki.WriteMode;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quiz-server certs client NAME [--role player|host] [--days N] [--force]}: a client certificate for player NAME in
 * {@code clients/NAME.pem} and {@code clients/NAME.key}, and the exact {@code quiz play} command that
 * uses it.
 */
@Command(name = "client", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = "Issue a client certificate for a player: clients/NAME.pem and clients/NAME.key.")
final class CertsClientCommand extends CertsSubcommand {

    @Parameters(paramLabel = "NAME",
            description = "The player name (1-64 of A-Z a-z 0-9 . _ -); also the certificate's CN.")
    private String name;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365",
            description = "Days the certificate is valid (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "player",
            converter = ClientRoleConverter.class, completionCandidates = ClientRoleConverter.class,
            description = "Issue it for this role: ${COMPLETION-CANDIDATES}; a host may also open live rooms on a"
                    + " server started with --room-hosts cert (default: ${DEFAULT-VALUE}).")
    private ClientRole role;

    @Option(names = "--force", description = "Replace an existing certificate for NAME (the old one stays valid "
            + "until it expires; revoke it first to stop it).")
    private boolean force;

    @Override
    void run() throws IOException {
        requireDays("--days", days);
        DevPki pki = certs.pki();
        IssuedCertificate client = pki.issueClient(name, Duration.ofDays(days), role.usage(),
                force ? WriteMode.REPLACE : WriteMode.CREATE_NEW);
        out().printf("Issued a %s certificate for %s, valid until %s:%n", role == ClientRole.HOST ? "host" : "client",
                name,
                CertificateText.day(client.certificate().getNotAfter()));
        out().printf("  %-12s %s%n", "certificate", pki.clientCertificate(name));
        out().printf("  %-12s %s  (secret, mode 0600: give it only to %s)%n", "key", pki.clientKey(name), name);
        out().printf("  %-12s %s%n", "CA", pki.caCertificate());
        out().printf("%s connects with: %s%n", name, ConnectCommand.to(advice().commands(), serverHost(pki))
                .option("--cert", pki.clientCertificate(name).toString())
                .option("--key", pki.clientKey(name).toString())
                .option("--cafile", pki.caCertificate().toString()));
        if (role == ClientRole.HOST) {
            out().printf("%s may open rooms on a server started with --room-hosts cert.%n", name);
        }
    }

    /** The server's first name, so the printed command reaches the server this PKI serves; localhost otherwise. */
    private static String serverHost(DevPki pki) {
        if (Files.exists(pki.serverCertificate())) {
            try {
                List<String> names = SubjectAltNames.hostNames(Pem.readCertificate(pki.serverCertificate()));
                if (!names.isEmpty()) {
                    return names.get(0);
                }
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable server.pem does not matter here: the client certificate is already written.
                return CertificateAuthority.DEFAULT_SERVER_NAMES.get(0);
            }
        }
        return CertificateAuthority.DEFAULT_SERVER_NAMES.get(0);
    }
}
