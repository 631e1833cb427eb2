package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/** Shortcuts for building servers and clients in tests. */
final class TlsTestSupport {

    private TlsTestSupport() {
    }

    /** Fails loudly, rather than skipping, when netty-tcnative is missing: both providers must be tested. */
    static void requireOpenSsl() {
        assertTrue(io.netty.handler.ssl.OpenSsl.isAvailable(),
                () -> "netty-tcnative-boringssl-static must load for these tests: "
                        + io.netty.handler.ssl.OpenSsl.unavailabilityCause());
    }

    static ServerTlsConfig serverConfig(TestPki.Credentials credentials, TlsProvider provider) {
        return new ServerTlsConfig(credentials.cert(), credentials.key(), provider, TlsProfile.MODERN,
                ClientAuthMode.NONE, null, null, Duration.ofMillis(100),
                TlsProfile.DEFAULT_GROUPS);
    }

    static ServerTls openServer(ServerTlsConfig config) {
        try {
            return ServerTls.open(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClientTls client(ClientTrust trust, TlsProvider provider) {
        return client(new ClientTlsConfig(trust, null, null, provider, TlsProfile.MODERN));
    }

    static ClientTls client(ClientTlsConfig config) {
        try {
            return ClientTls.create(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClientTls caClient(Path caFile, TlsProvider provider) {
        return client(new ClientTrust.CaFile(caFile), provider);
    }
}
