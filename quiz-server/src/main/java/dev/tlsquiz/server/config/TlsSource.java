package dev.tlsquiz.server.config;

import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.ClientCertificates;
import dev.tlsquiz.tls.TlsParameters;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the server's TLS comes from, before any file is read: the certificate and key (or the
 * development PKI that makes them), client certificates, and the TLS parameters. Client certificates
 * and parameters are the TLS module's own {@link ClientCertificates} and {@link TlsParameters}, so
 * each setting is declared once; the server resolves this into the TLS module's
 * {@code ServerTlsConfig} once the files are known (the development CA, when no client CA is given).
 *
 * @param certsDir   the development PKI folder, used when no certificate is given ({@code --certs-dir})
 * @param certFile   the server certificate chain (PEM), or null for the development PKI ({@code --cert})
 * @param keyFile    the server's private key (PEM), or null ({@code --key})
 * @param clients    {@code --client-auth}, {@code --client-ca} (null: the development CA) and {@code --crl}
 *                   (null: {@code crl.pem} beside the client CA; it need not exist yet)
 * @param parameters the TLS implementation, versions and key exchange groups ({@code --tls-provider},
 *                   {@code --tls-min}, {@code --tls-groups})
 */
public record TlsSource(Path certsDir, Path certFile, Path keyFile, ClientCertificates clients,
                        TlsParameters parameters) {

    public TlsSource {
        Objects.requireNonNull(certsDir, "certsDir");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(parameters, "parameters");
        Checks.require((certFile == null) == (keyFile == null),
                "--cert and --key go together: pass both, or neither to use the development PKI in --certs-dir");
    }

    /** The development PKI in {@code certs}, no client certificates, the TLS module's default parameters. */
    public static TlsSource defaults() {
        return new TlsSource(Path.of("certs"), null, null, ClientCertificates.NONE, TlsParameters.defaults());
    }

    /**
     * The client certificate settings of the options, refused in the options' words when they do not
     * go together (before {@link ClientCertificates} would refuse them in its own).
     */
    public static ClientCertificates clientCertificates(ClientAuthMode mode, Path caFile, Path crlFile) {
        Checks.require(caFile == null || mode != ClientAuthMode.NONE,
                "--client-ca has no effect with --client-auth none; add --client-auth optional or require");
        Checks.require(crlFile == null || mode != ClientAuthMode.NONE,
                "--crl has no effect with --client-auth none; add --client-auth optional or require");
        return new ClientCertificates(mode, caFile, crlFile);
    }

    /** Whether clients must present certificates ({@code --client-auth}). */
    public ClientAuthMode clientAuth() {
        return clients.mode();
    }

    /** The CA that signs client certificates, or null for the development CA ({@code --client-ca}). */
    public Path clientCaFile() {
        return clients.caFile();
    }

    /** The CRL of revoked client certificates, or null for {@code crl.pem} beside the client CA ({@code --crl}). */
    public Path crlFile() {
        return clients.crlFile();
    }

    public TlsSource withCertsDir(Path value) {
        return new TlsSource(value, certFile, keyFile, clients, parameters);
    }

    /** The server certificate and key; both null for the development PKI. */
    public TlsSource withCertificate(Path certChainFile, Path privateKeyFile) {
        return new TlsSource(certsDir, certChainFile, privateKeyFile, clients, parameters);
    }

    /** Client authentication and the CA for client certificates (null: the development CA). */
    public TlsSource withClientAuth(ClientAuthMode mode, Path caFile) {
        return new TlsSource(certsDir, certFile, keyFile, clientCertificates(mode, caFile, clients.crlFile()),
                parameters);
    }

    /** The CRL of revoked client certificates; null for {@code crl.pem} beside the client CA. */
    public TlsSource withCrlFile(Path value) {
        return new TlsSource(certsDir, certFile, keyFile, clientCertificates(clients.mode(), clients.caFile(), value),
                parameters);
    }

    /** Other TLS parameters. */
    public TlsSource withParameters(TlsParameters value) {
        return new TlsSource(certsDir, certFile, keyFile, clients, value);
    }
}
