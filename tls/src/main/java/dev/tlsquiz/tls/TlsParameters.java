package dev.tlsquiz.tls;

import java.util.List;
import java.util.Objects;

/**
 * How a server speaks TLS, apart from its certificate and client certificates: the one place these
 * parameters are declared, used as is by the TLS module's {@link ServerTlsConfig} and by the
 * configuration of the programs that start a server.
 *
 * @param provider the TLS implementation
 * @param profile  versions and cipher suites
 * @param groups   key exchange groups in order of preference, in OpenSSL's names; only the OpenSSL
 *                 provider can be given others than {@link TlsProfile#DEFAULT_GROUPS} (checked when the
 *                 context is built, once {@link TlsProvider#AUTO} is resolved)
 */
public record TlsParameters(TlsProvider provider, TlsProfile profile, List<String> groups) {

    public TlsParameters {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(profile, "profile");
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("at least one key exchange group is needed");
        }
    }

    /** The automatic provider, TLS 1.3 only, the default groups. */
    public static TlsParameters defaults() {
        return new TlsParameters(TlsProvider.AUTO, TlsProfile.MODERN, TlsProfile.DEFAULT_GROUPS);
    }

    /** These parameters with another provider. */
    public TlsParameters withProvider(TlsProvider value) {
        return new TlsParameters(value, profile, groups);
    }

    /** These parameters with another profile. */
    public TlsParameters withProfile(TlsProfile value) {
        return new TlsParameters(provider, value, groups);
    }

    /** These parameters with other key exchange groups, in order of preference. */
    public TlsParameters withGroups(List<String> value) {
        return new TlsParameters(provider, profile, value);
    }
}
