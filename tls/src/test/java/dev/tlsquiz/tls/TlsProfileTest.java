package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslProvider;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsProfileTest {

    @Test
    void fromMinVersion_whenTls13OrTls12_thenModernOrIntermediate() {
        assertEquals(TlsProfile.MODERN, TlsProfile.fromMinVersion("1.3"));
        assertEquals(TlsProfile.INTERMEDIATE, TlsProfile.fromMinVersion("1.2"));
        assertEquals("1.2", TlsProfile.INTERMEDIATE.minVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.0", "TLSv1.3", "", "junk"})
    void fromMinVersion_whenAnythingElse_thenRefusedNamingTheAcceptedValues(String version) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsProfile.fromMinVersion(version));
        assertTrue(e.getMessage().contains("use 1.3") && e.getMessage().contains("1.2"), e.getMessage());
    }

    @Test
    void profiles_whenListed_thenModernIsTls13OnlyAndIntermediateAddsEcdheAeadTls12() {
        assertEquals(List.of("TLSv1.3"), TlsProfile.MODERN.protocols());
        assertEquals(3, TlsProfile.MODERN.cipherSuites().size());
        for (String suite : TlsProfile.INTERMEDIATE.cipherSuites()) {
            assertTrue(suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")
                    || (suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("CHACHA20"))),
                    suite);
        }
    }

    @Test
    void resolve_whenTcnativeLoads_thenAutoIsOpenSslAndNamesAreShown() {
        TlsTestSupport.requireOpenSsl();
        assertEquals(SslProvider.OPENSSL, TlsProvider.AUTO.resolve());
        assertEquals("OpenSSL (BoringSSL)", TlsProvider.OPENSSL.displayName());
        assertEquals("JDK", TlsProvider.JDK.displayName());
    }
}
