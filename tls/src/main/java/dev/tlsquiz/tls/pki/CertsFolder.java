package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which file of the development PKI lives where, and nothing else: no reading, no writing, no policy.
 *
 * <pre>
 * certs/                 mode 0700 when created by the PKI
 *   ca.pem               the CA certificate: give it to every client (--cafile)
 *   ca.key               the CA's private key (0600): a secret, it can issue certificates
 *   server.pem           the server certificate
 *   server.key           its private key (0600)
 *   crl.pem              the revoked client certificates, signed by the CA
 *   clients/NAME.pem     a player's client certificate
 *   clients/NAME.key     its private key (0600)
 * </pre>
 *
 * @param dir the folder, which need not exist yet
 */
public record CertsFolder(Path dir) {

    /** The CA certificate's file name. */
    public static final String CA_CERT_FILE = "ca.pem";
    /** The CA key's file name. */
    public static final String CA_KEY_FILE = "ca.key";
    /** The server certificate's file name. */
    public static final String SERVER_CERT_FILE = "server.pem";
    /** The server key's file name. */
    public static final String SERVER_KEY_FILE = "server.key";
    /** The CRL's file name. */
    public static final String CRL_FILE = "crl.pem";
    /** The folder of client certificates and keys. */
    public static final String CLIENTS_DIR = "clients";

    private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public CertsFolder {
        Objects.requireNonNull(dir, "dir");
    }

    /** {@code ca.pem}. */
    public Path caCertificate() {
        return dir.resolve(CA_CERT_FILE);
    }

    /** {@code ca.key}. */
    public Path caKey() {
        return dir.resolve(CA_KEY_FILE);
    }

    /** {@code server.pem}. */
    public Path serverCertificate() {
        return dir.resolve(SERVER_CERT_FILE);
    }

    /** {@code server.key}. */
    public Path serverKey() {
        return dir.resolve(SERVER_KEY_FILE);
    }

    /** {@code crl.pem}. */
    public Path crl() {
        return dir.resolve(CRL_FILE);
    }

    /** {@code clients/}. */
    public Path clientsDir() {
        return dir.resolve(CLIENTS_DIR);
    }

    /** {@code clients/NAME.pem}. @throws IllegalArgumentException for a name that is not a valid player name */
    public Path clientCertificate(String name) {
        return clientsDir().resolve(requireClientName(name) + ".pem");
    }

    /** {@code clients/NAME.key}. @throws IllegalArgumentException for a name that is not a valid player name */
    public Path clientKey(String name) {
        return clientsDir().resolve(requireClientName(name) + ".key");
    }

    /** The CA and server files, keys first, so that a refusal names the secret that would have been lost. */
    public List<Path> coreFiles() {
        // The CA certificate first: the file an operator recognises as "a PKI is here".
        return List.of(caCertificate(), caKey(), serverCertificate(), serverKey());
    }

    /** Whether any of the CA and server files is there. */
    public boolean anyCoreFileExists() {
        return coreFiles().stream().anyMatch(Files::exists);
    }

    /** The {@code clients/*.pem} files, sorted; empty when there is no {@code clients/} folder. */
    public List<Path> clientCertificateFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(clientsDir())) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(clientsDir(), "*.pem")) {
                stream.forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }

    private static String requireClientName(String name) {
        if (name == null || !CLIENT_NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException("invalid client name '" + name
                    + "' (expected: 1-64 letters, digits, '.', '_' or '-', e.g. alice)");
        }
        return name;
    }
}
