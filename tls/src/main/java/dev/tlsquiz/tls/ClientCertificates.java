package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.CertsFolder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Whether a server asks clients for certificates, and against what it checks them: the one
 * declaration of these settings, shared by the server's configuration (where the CA may still be
 * unknown) and {@link ServerTlsConfig} (where it is known).
 *
 * @param mode   whether clients must present a certificate
 * @param caFile PEM: the CA that signs client certificates; {@code null} when {@code mode} is NONE, or while
 *               the caller has yet to find it (a development CA); {@link ServerTlsConfig} requires it
 * @param crlFile PEM: revoked client certificates, signed by the client CA; {@code null} means
 *               {@value CertsFolder#CRL_FILE} beside the client CA
 */
public record ClientCertificates(ClientAuthMode mode, Path caFile, Path crlFile) {

    /** No client certificates. */
    public static final ClientCertificates NONE = new ClientCertificates(ClientAuthMode.NONE, null, null);

    public ClientCertificates {
        Objects.requireNonNull(mode, "mode");
        if (mode == ClientAuthMode.NONE && (caFile != null || crlFile != null)) {
            throw new IllegalArgumentException("a client CA or CRL is only used with client certificates;"
                    + " enable client authentication, or drop them");
        }
    }

    /** Whether clients are asked for certificates at all. */
    public boolean requested() {
        return mode != ClientAuthMode.NONE;
    }

    /** These settings with the client CA found by the caller. */
    public ClientCertificates withCaFile(Path value) {
        return new ClientCertificates(mode, value, crlFile);
    }

    /**
     * The CRL to check: the one given, else {@value CertsFolder#CRL_FILE} beside the client CA; null
     * when no client certificates are requested or the CA is not known yet.
     */
    public Path effectiveCrlFile() {
        if (crlFile != null || caFile == null) {
            return crlFile;
        }
        return caFile.resolveSibling(CertsFolder.CRL_FILE);
    }
}
