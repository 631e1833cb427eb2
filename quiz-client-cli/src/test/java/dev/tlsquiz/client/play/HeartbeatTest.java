package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.client.net.ClientTimeouts;
import dev.tlsquiz.client.render.OutputFormat;
import dev.tlsquiz.client.render.SessionRenderer;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.client.testing.ScriptedInput;
import dev.tlsquiz.client.testing.WatchedOutput;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A player who only thinks must not be cut off by the server's idle timeout. */
class HeartbeatTest {

    @TempDir
    Path dir;

    @Test
    void play_whenPlayerTypesNothingForLongerThanTheServerIdleTimeout_thenHeartbeatsKeepTheSession() {
        // Three silent rounds take 3.6 s; the server drops a connection silent for 2 s.
        try (QuizServerFixture server = QuizServerFixture.start(dir, builder -> builder
                .game(x -> x.withTimeLimit(Duration.ofMillis(1200)))
                .timeouts(x -> x.withIdleTimeout(Duration.ofSeconds(2))))) {
            WatchedOutput out = new WatchedOutput();
            WatchedOutput err = new WatchedOutput();
            ScriptedInput keyboard = new ScriptedInput();
            Terminal terminal = new Terminal(keyboard, out.printStream(), err.printStream(), true);
            PlaySettings settings = new PlaySettings("127.0.0.1", server.port(), Duration.ofSeconds(10), "thinker", 0,
                    AnswerMode.INTERACTIVE, keyboard, true, null);
            PlaySession session = new PlaySession(settings, terminal, SessionRenderer.create(OutputFormat.TEXT, terminal),
                    () -> tls(server.pki().caCert()), new ClientTimeouts(300, 10_000), false);

            int exitCode = session.run();

            assertEquals(ExitCodes.OK, exitCode, out.text() + err.text());
            assertEquals(3, out.text().split("time's up", -1).length - 1, out.text());
        }
    }

    private static ClientTls tls(Path caFile) {
        try {
            return ClientTls.create(ClientTlsConfig.of(new ClientTrust.CaFile(caFile), Protocol.ALPN_ID));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
