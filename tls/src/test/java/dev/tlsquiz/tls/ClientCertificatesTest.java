package dev.tlsquiz.tls;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one declaration of the client certificate settings, and how the server's TLS config resolves it. */
class ClientCertificatesTest {

    private static final Path CA = Path.of("pki", "clients-ca.pem");

    @Test
    void none_whenGivenACaOrCrl_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientCertificates(ClientAuthMode.NONE, CA, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ClientCertificates(ClientAuthMode.NONE, null, Path.of("crl.pem")));
    }

    @Test
    void effectiveCrl_whenNoneGiven_thenCrlPemBesideTheCa() {
        assertEquals(Path.of("pki", "crl.pem"),
                new ClientCertificates(ClientAuthMode.REQUIRE, CA, null).effectiveCrlFile());
        assertEquals(Path.of("other.crl"),
                new ClientCertificates(ClientAuthMode.OPTIONAL, CA, Path.of("other.crl")).effectiveCrlFile());
        assertNull(new ClientCertificates(ClientAuthMode.REQUIRE, null, null).effectiveCrlFile(),
                "the CA is not known yet");
    }

    @Test
    void serverTlsConfig_whenClientCertificatesAsked_thenTheCaIsRequiredAndACrlAlwaysWatched() {
        assertThrows(IllegalArgumentException.class, () -> config(new ClientCertificates(ClientAuthMode.OPTIONAL,
                null, null)));

        ServerTlsConfig config = config(new ClientCertificates(ClientAuthMode.REQUIRE, CA, null));

        assertEquals(ClientAuthMode.REQUIRE, config.clientAuth());
        assertEquals(CA, config.clientCaFile());
        assertEquals(Path.of("pki", "crl.pem"), config.crlFile());
        assertNull(config(ClientCertificates.NONE).crlFile());
    }

    private static ServerTlsConfig config(ClientCertificates clients) {
        return new ServerTlsConfig(Path.of("server.pem"), Path.of("server.key"), TlsParameters.defaults(), clients,
                Duration.ofSeconds(2), "tlsquiz/1");
    }
}
