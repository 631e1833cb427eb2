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
 * @param provider       the TLS implementation
 * @param profile        versions and cipher suites
 * @param clientAuth     whether clients must present a certificate
 * @param clientCaFile   PEM: the CA that signs client certificates; {@code null} when clientAuth is NONE
 * @param crlFile        PEM: revoked client certificates, signed by the client CA; {@code null} means
 *                       {@value CertsFolder#CRL_FILE} beside the client CA. Whenever client certificates are
 *                       accepted there is a CRL file, watched like the others: a file that does not exist
 *                       yet revokes nothing until it is created.
 * @param reloadInterval how often the files are checked for changes
 * @param groups         key exchange groups in order of preference, in OpenSSL's names; only the
 *                       OpenSSL provider can be given others than {@link TlsProfile#DEFAULT_GROUPS}
 * @param alpnId         the one application protocol accepted by ALPN; the caller's protocol owns it, not TLS
 */
public record ServerTlsConfig(Path certFile, Path keyFile, TlsProvider provider, TlsProfile profile,
                              ClientAuthMode clientAuth, Path clientCaFile, Path crlFile,
                              Duration reloadInterval, List<String> groups, String alpnId) {

    /** How often the files are checked for changes unless told otherwise. */
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(2);

    public ServerTlsConfig {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        AlpnIds.require(alpnId);
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("at least one key exchange group is needed");
        }
        if (clientAuth != ClientAuthMode.NONE && clientCaFile == null) {
            throw new IllegalArgumentException("client authentication " + clientAuth
                    + " needs the CA that signs client certificates; pass a client CA file");
        }
        if (crlFile != null && clientCaFile == null) {
            throw new IllegalArgumentException("a CRL is only used with client certificates; pass a client CA file"
                    + " and enable client authentication, or drop the CRL");
        }
        if (crlFile == null && clientAuth != ClientAuthMode.NONE) {
            // Never client certificates without a CRL source: whether a revocation is enforced must not
            // depend on the options the server happened to be started with.
            crlFile = clientCaFile.resolveSibling(CertsFolder.CRL_FILE);
        }
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new IllegalArgumentException("reloadInterval: " + reloadInterval + " (expected: > 0)");
        }
    }

    /** A server without client certificates: automatic provider, TLS 1.3 only, checked every 2 s. */
    public static ServerTlsConfig of(Path certFile, Path keyFile, String alpnId) {
        return new ServerTlsConfig(certFile, keyFile, TlsProvider.AUTO, TlsProfile.MODERN, ClientAuthMode.NONE,
                null, null, DEFAULT_RELOAD_INTERVAL, TlsProfile.DEFAULT_GROUPS, alpnId);
    }

    /** This config with another provider. */
    public ServerTlsConfig withProvider(TlsProvider newProvider) {
        return new ServerTlsConfig(certFile, keyFile, newProvider, profile, clientAuth, clientCaFile, crlFile,
                reloadInterval, groups, alpnId);
    }

    /** This config with another profile. */
    public ServerTlsConfig withProfile(TlsProfile newProfile) {
        return new ServerTlsConfig(certFile, keyFile, provider, newProfile, clientAuth, clientCaFile, crlFile,
                reloadInterval, groups, alpnId);
    }

    /**
     * This config with client certificates checked against {@code caFile} and the CRL {@code crl} (null:
     * {@value CertsFolder#CRL_FILE} beside {@code caFile}).
     */
    public ServerTlsConfig withClientAuth(ClientAuthMode mode, Path caFile, Path crl) {
        return new ServerTlsConfig(certFile, keyFile, provider, profile, mode, caFile, crl, reloadInterval, groups,
                alpnId);
    }

    /** This config with another reload interval. */
    public ServerTlsConfig withReloadInterval(Duration interval) {
        return new ServerTlsConfig(certFile, keyFile, provider, profile, clientAuth, clientCaFile, crlFile,
                interval, groups, alpnId);
    }

    /** This config with other key exchange groups, in order of preference. */
    public ServerTlsConfig withGroups(List<String> newGroups) {
        return new ServerTlsConfig(certFile, keyFile, provider, profile, clientAuth, clientCaFile, crlFile,
                reloadInterval, newGroups, alpnId);
    }
}
