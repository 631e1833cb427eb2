package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.TlsMinVersionConverter;
import dev.tlsquiz.cli.TlsProviderConverter;
import dev.tlsquiz.server.config.TlsSource;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.TlsParameters;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.TlsProvider;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The certificate, client certificates and TLS parameters: a picocli mixin for {@link TlsSource}. */
public final class TlsSourceOptions {

    @Option(names = "--certs-dir", defaultValue = "certs", paramLabel = "DIR",
            description = "Folder of the development PKI, created on first run (default: ${DEFAULT-VALUE}).")
    private Path certsDir;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "Server certificate chain (PEM), with --key (default: the development PKI in --certs-dir).")
    private Path cert;

    @Option(names = "--key", paramLabel = "FILE",
            description = "Server private key (PEM, mode 0600), with --cert.")
    private Path key;

    @Option(names = "--client-auth", defaultValue = "none", paramLabel = "MODE",
            converter = ClientAuthConverter.class, completionCandidates = ClientAuthConverter.class,
            description = "Client certificates: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ClientAuthMode clientAuth;

    @Option(names = "--client-ca", paramLabel = "FILE",
            description = "CA that signs client certificates (default: ca.pem in --certs-dir when client auth is on).")
    private Path clientCa;

    @Option(names = "--crl", paramLabel = "FILE",
            description = "Revoked client certificates (PEM CRL from the client CA), reloaded when it changes; it"
                    + " need not exist yet (default: crl.pem beside the client CA).")
    private Path crl;

    @Option(names = "--tls-provider", defaultValue = "auto", paramLabel = "PROVIDER",
            converter = TlsProviderConverter.class, completionCandidates = TlsProviderConverter.class,
            description = "TLS implementation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private TlsProvider tlsProvider;

    @Option(names = "--tls-min", defaultValue = "1.3", paramLabel = "VERSION",
            converter = TlsMinVersionConverter.class, completionCandidates = TlsMinVersionConverter.class,
            description = "Lowest TLS version to accept: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private TlsProfile tlsProfile;

    @Option(names = "--tls-groups", defaultValue = "X25519:P-256", split = ":", paramLabel = "GROUP",
            description = "Key exchange groups, most preferred first, in OpenSSL's names; OpenSSL provider only"
                    + " (default: ${DEFAULT-VALUE}).")
    private List<String> tlsGroups;

    /**
     * Where the TLS comes from.
     *
     * @throws IllegalArgumentException naming the option whose value or combination is not acceptable
     */
    public TlsSource toTlsSource() {
        // Checked here, before TlsParameters, so that the message names the options the operator typed.
        requireOption(!tlsGroups.isEmpty(), "--tls-groups: at least one group (default: "
                + String.join(":", TlsProfile.DEFAULT_GROUPS) + ")");
        // The TLS module can only refuse this once the context is built; the explicit jdk is refused at once.
        requireOption(tlsGroups.equals(TlsProfile.DEFAULT_GROUPS) || tlsProvider != TlsProvider.JDK,
                "--tls-groups needs the OpenSSL provider: the JDK sets key exchange groups only for the whole JVM;"
                        + " drop --tls-provider jdk or --tls-groups");
        return new TlsSource(certsDir, cert, key, TlsSource.clientCertificates(clientAuth, clientCa, crl),
                new TlsParameters(tlsProvider, tlsProfile, tlsGroups));
    }

    private static void requireOption(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
