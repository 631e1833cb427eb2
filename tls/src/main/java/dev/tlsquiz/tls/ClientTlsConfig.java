package dev.tlsquiz.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a client needs to build its TLS context.
 *
 * @param trust    how the server's certificate is checked
 * @param certFile PEM: the client certificate for mutual TLS; {@code null}: none
 * @param keyFile  PEM: its private key, readable by its owner only; {@code null} exactly when certFile is
 * @param provider the TLS implementation
 * @param profile  versions and cipher suites
 * @param alpnId   the application protocol offered by ALPN; the caller's protocol owns it, not TLS
 */
public record ClientTlsConfig(ClientTrust trust, Path certFile, Path keyFile, TlsProvider provider,
                              TlsProfile profile, String alpnId) {

    public ClientTlsConfig {
        Objects.requireNonNull(trust, "trust");
        AlpnIds.require(alpnId);
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(profile, "profile");
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("a client certificate needs its key and a key its certificate;"
                    + " pass both or neither");
        }
    }

    /** A client without a certificate: automatic provider, TLS 1.3 only. */
    public static ClientTlsConfig of(ClientTrust trust, String alpnId) {
        return new ClientTlsConfig(trust, null, null, TlsProvider.AUTO, TlsProfile.MODERN, alpnId);
    }
}
