package dev.tlsquiz.server.certs;

import dev.tlsquiz.tls.pki.DevPki;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --certs-dir DIR}, shared by every {@code certs} subcommand: where the development PKI lives. */
public final class CertsDirOption {

    @Option(names = "--certs-dir", paramLabel = "DIR", defaultValue = "certs",
            description = "Folder of the development PKI (default: ${DEFAULT-VALUE}).")
    private Path certsDir;

    /** The folder, as given (relative paths stay relative, so printed commands stay short). */
    public Path certsDir() {
        return certsDir;
    }

    /** The development PKI in that folder. */
    public DevPki pki() {
        return DevPki.in(certsDir);
    }
}
