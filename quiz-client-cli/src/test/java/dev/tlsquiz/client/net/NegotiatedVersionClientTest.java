package dev.tlsquiz.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.session.ClientEvent;
import dev.tlsquiz.client.session.EventQueue;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.NegotiatedVersion;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.TlsProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client's connection speaks the version WELCOME names, after a real TLS handshake and HELLO. */
class NegotiatedVersionClientTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void welcome_whenReceived_thenTheConnectionSpeaksItsVersion(TlsProvider provider) throws Exception {
        EventQueue events = new EventQueue();
        try (QuizServerFixture server = QuizServerFixture.start(dir, builder -> builder);
             ClientTls tls = ClientTls.create(new ClientTlsConfig(new ClientTrust.CaFile(server.pki().caCert()),
                     null, null, provider, TlsProfile.MODERN, Protocol.ALPN_ID));
             ClientConnector connector = new ClientConnector(new ClientTimeouts(10_000, 30_000))) {
            ClientConnection connection = connector.connect(tls, "127.0.0.1", server.port(), Duration.ofSeconds(10), events);
            try {
                assertTrue(connection.handshakeFuture().awaitUninterruptibly(10_000), "TLS handshake in time");
                assertTrue(connection.handshakeFuture().isSuccess(), () -> "TLS handshake: " + connection.handshakeFuture().cause());
                connection.release();
                assertFalse(NegotiatedVersion.isNegotiated(connection.channel()), "no version before WELCOME");

                connection.send(Hello.of("ada"));
                ClientEvent event = events.poll(TimeUnit.SECONDS.toNanos(10));

                Welcome welcome = assertInstanceOf(Welcome.class,
                        assertInstanceOf(ClientEvent.MessageReceived.class, event).message());
                assertEquals(Protocol.VERSION, welcome.version());
                assertTrue(NegotiatedVersion.isNegotiated(connection.channel()));
                assertEquals(welcome.version(), NegotiatedVersion.of(connection.channel()));
            } finally {
                connection.detach();
                connection.close();
            }
        }
    }
}
