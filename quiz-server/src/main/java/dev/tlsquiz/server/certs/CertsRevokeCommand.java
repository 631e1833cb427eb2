package dev.tlsquiz.server.certs;

import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import dev.tlsquiz.text.Counts;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code quiz-server certs revoke NAME}: adds the certificate in {@code clients/NAME.pem} to
 * {@code crl.pem}, keeping every earlier entry. A server running on the development PKI with client
 * authentication reloads the CRL by itself.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = "Revoke a player's client certificate: adds it to crl.pem.")
final class CertsRevokeCommand extends CertsSubcommand {

    @Parameters(paramLabel = "NAME", description = "The player whose certificate (clients/NAME.pem) to revoke.")
    private String name;

    @Override
    void run() throws IOException {
        DevPki pki = certs.pki();
        DevPki.RevocationResult result = pki.revoke(name);
        if (result.alreadyRevoked()) {
            out().printf("%s (serial %s) was already revoked; signed %s again%n", name,
                    result.serial().toString(16), pki.crl());
        } else {
            out().printf("Revoked %s (serial %s)%n", name, result.serial().toString(16));
        }
        out().printf("%s now lists %s, current until %s%n", pki.crl(),
                Counts.of(result.revokedCount(), "revoked certificate"),
                CertificateText.day(result.crl().getNextUpdate()));
        out().println("A running quiz-server that checks client certificates against this folder picks up the new "
                + "CRL automatically; new connections with this certificate are refused.");
    }
}
