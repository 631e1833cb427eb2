package dev.tlsquiz.client;

import dev.tlsquiz.cli.TlsMinVersionConverter;
import dev.tlsquiz.cli.TlsProviderConverter;
import dev.tlsquiz.client.converters.PinConverter;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.text.TerminalText;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.KnownHosts;
import dev.tlsquiz.tls.TlsConfigException;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.TlsProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How the client trusts the server and proves itself: a picocli mixin shared by every command
 * that connects. Trust is decided in this order: {@code --cafile} (and, when also given, {@code
 * --pin} on top of it: both apply), else {@code --pin} alone, else the system's CAs and then the
 * known-hosts file (trust on first use).
 */
public final class TlsOptions {

    @Option(names = "--cafile", paramLabel = "FILE",
            description = "Trust only servers whose certificate this CA (PEM) signed for the --host"
                    + " connected to.")
    private Path caFile;

    @Option(names = "--pin", paramLabel = "SHA256:...", converter = PinConverter.class,
            description = "Trust only a server whose public key has this SHA-256 pin (the 'key pin' line of"
                    + " quiz-server certs show). With --cafile, both apply: the CA, the host name and the pin.")
    private String pin;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "Keys of servers trusted on first use (default: $HOME/.tlsquiz/known_hosts).")
    private Path knownHosts;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "Client certificate (PEM) for servers that require one; needs --key.")
    private Path certFile;

    @Option(names = "--key", paramLabel = "FILE",
            description = "Private key (PEM) of --cert.")
    private Path keyFile;

    @Option(names = "--tls-provider", paramLabel = "PROVIDER", defaultValue = "auto",
            converter = TlsProviderConverter.class, completionCandidates = TlsProviderConverter.class,
            description = "TLS implementation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private TlsProvider provider;

    @Option(names = "--tls-min", paramLabel = "VERSION", defaultValue = "1.3",
            converter = TlsMinVersionConverter.class, completionCandidates = TlsMinVersionConverter.class,
            description = "Lowest TLS version to accept: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private TlsProfile profile;

    /**
     * Checks what picocli's types cannot. A file an option names that does not exist is a usage error,
     * as a missing {@code --answers} file is: the command line is what needs fixing. A file that exists
     * and cannot be used (not PEM, a key readable by others) is a TLS failure, found when TLS is set up.
     *
     * @return a usage message, or {@code null} when the options are fine
     */
    public String validate() {
        if ((certFile == null) != (keyFile == null)) {
            return "--cert and --key go together: give both (a client certificate and its key) or neither";
        }
        String missing = missingFile("--cafile", caFile);
        if (missing == null) {
            missing = missingFile("--cert", certFile);
        }
        return missing == null ? missingFile("--key", keyFile) : missing;
    }

    /** {@code --cafile: no such file: FILE}, or null when {@code file} is not given or exists. */
    private static String missingFile(String option, Path file) {
        if (file == null || Files.exists(file)) {
            return null;
        }
        return option + ": no such file: " + TerminalText.sanitize(file.toString());
    }

    /** The known-hosts file in use. */
    public Path knownHostsFile() {
        return knownHosts != null ? knownHosts : KnownHosts.defaultPath();
    }

    /** Whether the trust decision may end in the trust-on-first-use prompt. */
    public boolean usesKnownHosts() {
        return caFile == null && pin == null;
    }

    /** The TLS configuration these options describe. */
    public ClientTlsConfig toConfig() {
        ClientTrust trust;
        if (caFile != null) {
            trust = new ClientTrust.CaFile(caFile, pin);
        } else if (pin != null) {
            trust = new ClientTrust.Pin(pin);
        } else {
            trust = new ClientTrust.SystemThenKnownHosts(knownHostsFile());
        }
        return new ClientTlsConfig(trust, certFile, keyFile, provider, profile, Protocol.ALPN_ID);
    }

    /**
     * Builds the client TLS factory, which the caller closes; a file that cannot be read or a
     * provider that is unavailable becomes a {@link ClientFailure}.
     */
    public ClientTls createTls() {
        try {
            return ClientTls.create(toConfig());
        } catch (IOException | TlsConfigException | IllegalArgumentException e) {
            throw Failures.tlsSetup(e);
        }
    }
}
