package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.testing.OpenSsl;
import dev.tlsquiz.tls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What the operator's log says when the server refuses a client certificate in a real handshake: an
 * in-process server requiring client certificates, and {@code openssl s_client} presenting one that
 * the CRL lists, or one from another CA (s_client presents it whatever CAs the server names, as a
 * stubborn or hostile client would). Skipped where openssl is not installed.
 */
class RefusedClientCertificateLogTest {

    /** Long enough for a handshake and its log line on a loaded 2-core machine. */
    private static final long WAIT_SECONDS = 30;

    @TempDir
    static Path dir;
    private static TestPki pki;

    private final Logger handshakeLog = (Logger) LoggerFactory.getLogger("dev.tlsquiz.server.HandshakeFailureLog");
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage());
        }
    };
    private Level previousLevel;

    @BeforeAll
    static void setUp() {
        OpenSsl.assumeAvailable();
        pki = TestPki.create(dir);
    }

    @BeforeEach
    void attach() {
        previousLevel = handshakeLog.getLevel();
        handshakeLog.setLevel(Level.INFO);
        capture.start();
        handshakeLog.addAppender(capture);
    }

    @AfterEach
    void detach() {
        handshakeLog.detachAppender(capture);
        capture.stop();
        handshakeLog.setLevel(previousLevel);
    }

    @Test
    void handshake_whenTheClientCertificateIsRevoked_thenTheLogSaysRevokedWithNameAndSerial() throws Exception {
        TestPki.Credentials dave = pki.clientCert("dave");
        Path crl = pki.writeCrl(dave.certificate());

        String line = refusedLine(crl, dave);

        assertTrue(line.matches("127\\.0\\.0\\.1:\\d+: TLS handshake failed: revoked client certificate: CN=dave serial "
                + dave.certificate().getSerialNumber().toString(16) + " \\(revoked \\d{4}-\\d\\d-\\d\\dT[^)]+\\)"), line);
    }

    @Test
    void handshake_whenTheClientCertificateIsFromAnotherCa_thenTheLogSaysNotIssuedByTheClientCa() throws Exception {
        TestPki.Credentials mallory = pki.clientFromOtherCa("mallory");

        String line = refusedLine(pki.writeCrl(), mallory);

        assertTrue(line.matches("127\\.0\\.0\\.1:\\d+: TLS handshake failed: client certificate not issued by the"
                + " client CA: CN=mallory serial " + mallory.certificate().getSerialNumber().toString(16)
                + ", issuer \"CN=tlsquiz other test CA\""), line);
    }

    /** Serves with client certificates required and {@code crl}, lets s_client present {@code client}, returns the log line. */
    private String refusedLine(Path crl, TestPki.Credentials client) throws Exception {
        try (QuizServer server = Loopback.start(Loopback.config(pki)
                .tls(x -> x.withClientAuth(ClientAuthMode.REQUIRE, pki.caCert()).withCrlFile(crl)).build())) {
            // TLS 1.3 judges the client certificate after the client's Finished: hold stdin open for the alert.
            OpenSsl.Result result = SClient.run(server.localAddress().getPort(), "alert", Duration.ofSeconds(10),
                    "-CAfile", pki.caCert().toString(), "-alpn", "tlsquiz/1", "-tls1_3",
                    "-cert", client.cert().toString(), "-key", client.key().toString());
            String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(line, () -> "no handshake failure logged; s_client said: " + result.output());
            return line;
        }
    }
}
