package dev.tlsquiz.server.config;

import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.TlsParameters;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the server's TLS comes from, before any file is read: the certificate and key (or the
 * development PKI that makes them), client certificates, and the TLS parameters, which are the TLS
 * module's own {@link TlsParameters}. The server resolves it into the TLS module's
 * {@code ServerTlsConfig} once the files are known.
 *
 * @param certsDir     the development PKI folder, used when no certificate is given ({@code --certs-dir})
 * @param certFile     the server certificate chain (PEM), or null for the development PKI ({@code --cert})
 * @param keyFile      the server's private key (PEM), or null ({@code --key})
 * @param clientAuth   whether clients must present certificates ({@code --client-auth})
 * @param clientCaFile the CA that signs client certificates, or null for the development CA ({@code --client-ca})
 * @param crlFile      the CRL of revoked client certificates, or null for {@code crl.pem} beside the
 *                     client CA ({@code --crl}); it need not exist yet
 * @param parameters   the TLS implementation, versions and key exchange groups ({@code --tls-provider},
 *                     {@code --tls-min}, {@code --tls-groups})
 */
public record TlsSource(Path certsDir, Path certFile, Path keyFile, ClientAuthMode clientAuth, Path clientCaFile,
                        Path crlFile, TlsParameters parameters) {

    public TlsSource {
        Objects.requireNonNull(certsDir, "certsDir");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(parameters, "parameters");
        Checks.require((certFile == null) == (keyFile == null),
                "--cert and --key go together: pass both, or neither to use the development PKI in --certs-dir");
        Checks.require(clientCaFile == null || clientAuth != ClientAuthMode.NONE,
                "--client-ca has no effect with --client-auth none; add --client-auth optional or require");
        Checks.require(crlFile == null || clientAuth != ClientAuthMode.NONE,
                "--crl has no effect with --client-auth none; add --client-auth optional or require");
    }

    /** The development PKI in {@code certs}, no client certificates, the TLS module's default parameters. */
    public static TlsSource defaults() {
        return new TlsSource(Path.of("certs"), null, null, ClientAuthMode.NONE, null, null, TlsParameters.defaults());
    }

    public TlsSource withCertsDir(Path value) {
        return new TlsSource(value, certFile, keyFile, clientAuth, clientCaFile, crlFile, parameters);
    }

    /** The server certificate and key; both null for the development PKI. */
    public TlsSource withCertificate(Path certChainFile, Path privateKeyFile) {
        return new TlsSource(certsDir, certChainFile, privateKeyFile, clientAuth, clientCaFile, crlFile, parameters);
    }

    /** Client authentication and the CA for client certificates (null: the development CA). */
    public TlsSource withClientAuth(ClientAuthMode mode, Path caFile) {
        return new TlsSource(certsDir, certFile, keyFile, mode, caFile, crlFile, parameters);
    }

    /** The CRL of revoked client certificates; null for {@code crl.pem} beside the client CA. */
    public TlsSource withCrlFile(Path value) {
        return new TlsSource(certsDir, certFile, keyFile, clientAuth, clientCaFile, value, parameters);
    }

    /** Other TLS parameters. */
    public TlsSource withParameters(TlsParameters value) {
        return new TlsSource(certsDir, certFile, keyFile, clientAuth, clientCaFile, crlFile, value);
    }
}
