package dev.tlsquiz.tls;

import static dev.tlsquiz.tls.TlsTestSupport.serverConfig;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server key exchange groups that cannot be used are refused at start, with the reason. */
class KeyExchangeGroupsTest {

    private static TestPki pki;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TlsTestSupport.requireOpenSsl();
        pki = TestPki.create(dir);
    }

    @Test
    void open_whenGroupUnknownToBoringSsl_thenRefusedNamingTheFiles() {
        ServerTlsConfig config = serverConfig(pki.server(), TlsProvider.OPENSSL).withGroups(List.of("P-257"));
        TlsConfigException refused = assertThrows(TlsConfigException.class, () -> ServerTls.open(config));
        assertTrue(refused.getMessage().contains("cannot build the TLS context"), refused.getMessage());
    }

    @Test
    void open_whenJdkAndOtherGroups_thenRefusedNamingTheWayOut() {
        ServerTlsConfig config = serverConfig(pki.server(), TlsProvider.JDK).withGroups(List.of("P-256"));
        TlsConfigException refused = assertThrows(TlsConfigException.class, () -> ServerTls.open(config));
        assertTrue(refused.getMessage().contains("need the OpenSSL provider"), refused.getMessage());
    }

    @Test
    void config_whenNoGroups_thenRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> serverConfig(pki.server(), TlsProvider.OPENSSL).withGroups(List.of()));
    }
}
