package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.CertsFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a server needs to build its TLS context.
 *
 * @param certFile       PEM: the server certificate, then any intermediates
 * @param keyFile        PEM: its private key; must be readable by its owner only
 * @param parameters     the TLS implementation, versions and suites, and key exchange groups
 * @param clients        whether clients must present a certificate, the CA that signs them (required
 *                       when they are asked for) and the CRL. Whenever client certificates are accepted
 *                       there is a CRL file, watched like the others: a file that does not exist yet
 *                       revokes nothing until it is created.
 * @param reloadInterval how often the files are checked for changes
 * @param alpnId         the one application protocol accepted by ALPN; the caller's protocol owns it, not TLS
 */
public record ServerTlsConfig(Path certFile, Path keyFile, TlsParameters parameters, ClientCertificates clients,
                              Duration reloadInterval, String alpnId) {

    /** How often the files are checked for changes unless told otherwise. */
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(2);

    public ServerTlsConfig {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        AlpnIds.require(alpnId);
        if (clients.requested() && clients.caFile() == null) {
            throw new IllegalArgumentException("client authentication " + clients.mode()
                    + " needs the CA that signs client certificates; pass a client CA file");
        }
        // Never client certificates without a CRL source: whether a revocation is enforced must not
        // depend on the options the server happened to be started with.
        clients = new ClientCertificates(clients.mode(), clients.caFile(), clients.effectiveCrlFile());
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new IllegalArgumentException("reloadInterval: " + reloadInterval + " (expected: > 0)");
        }
    }

    /** A server without client certificates: automatic provider, TLS 1.3 only, checked every 2 s. */
    public static ServerTlsConfig of(Path certFile, Path keyFile, String alpnId) {
        return new ServerTlsConfig(certFile, keyFile, TlsParameters.defaults(), ClientCertificates.NONE,
                DEFAULT_RELOAD_INTERVAL, alpnId);
    }

    /** Whether clients must present a certificate. */
    public ClientAuthMode clientAuth() {
        return clients.mode();
    }

    /** The CA that signs client certificates; null when none are asked for. */
    public Path clientCaFile() {
        return clients.caFile();
    }

    /** The CRL of revoked client certificates; null when none are asked for. */
    public Path crlFile() {
        return clients.crlFile();
    }

    /** The TLS implementation. */
    public TlsProvider provider() {
        return parameters.provider();
    }

    /** Versions and cipher suites. */
    public TlsProfile profile() {
        return parameters.profile();
    }

    /** Key exchange groups in order of preference. */
    public List<String> groups() {
        return parameters.groups();
    }

    /** This config with other TLS parameters. */
    public ServerTlsConfig withParameters(TlsParameters newParameters) {
        return new ServerTlsConfig(certFile, keyFile, newParameters, clients, reloadInterval, alpnId);
    }

    /** This config with another provider. */
    public ServerTlsConfig withProvider(TlsProvider newProvider) {
        return withParameters(parameters.withProvider(newProvider));
    }

    /** This config with another profile. */
    public ServerTlsConfig withProfile(TlsProfile newProfile) {
        return withParameters(parameters.withProfile(newProfile));
    }

    /**
     * This config with client certificates checked against {@code caFile} and the CRL {@code crl} (null:
     * {@value CertsFolder#CRL_FILE} beside {@code caFile}).
     */
    public ServerTlsConfig withClientAuth(ClientAuthMode mode, Path caFile, Path crl) {
        return new ServerTlsConfig(certFile, keyFile, parameters, new ClientCertificates(mode, caFile, crl),
                reloadInterval, alpnId);
    }

    /** This config with another reload interval. */
    public ServerTlsConfig withReloadInterval(Duration interval) {
        return new ServerTlsConfig(certFile, keyFile, parameters, clients, interval, alpnId);
    }

    /** This config with other key exchange groups, in order of preference. */
    public ServerTlsConfig withGroups(List<String> newGroups) {
        return withParameters(parameters.withGroups(newGroups));
    }
}
