package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.client.net.ClientTimeouts;
import dev.tlsquiz.client.render.OutputFormat;
import dev.tlsquiz.client.render.SessionRenderer;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.RawTlsServer;
import dev.tlsquiz.client.testing.WatchedOutput;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that keeps the connection busy without making progress must not keep the client waiting:
 * silence is judged on whole messages, and every wait for the server has a bound.
 */
class ServerStallTest {

    /** How long a test may take at most, far above the bounds under test, so a hang fails instead of blocking. */
    private static final Duration HANG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void play_whenServerTricklesOneFrame_thenGivesUpAfterTheSilenceLimitOnWholeMessages() throws Exception {
        ClientFailure failure = playAgainst(RawTlsServer.Behavior.TRICKLE_AFTER_HELLO, 100,
                new ClientTimeouts(250, 1_000));

        assertEquals("SERVER_SILENT", failure.name(), failure.getMessage());
        assertTrue(failure.getMessage().contains("no complete message for 1 s"), failure.getMessage());
    }

    @Test
    void play_whenServerPingsInsteadOfJudging_thenGivesUpAtTheTimeLimitPlusGrace() throws Exception {
        // 300 ms time limit plus the 500 ms grace, long before the 20 s silence limit.
        ClientFailure failure = playAgainst(RawTlsServer.Behavior.PING_INSTEAD_OF_VERDICT, 300,
                new ClientTimeouts(250, 20_000, 500));

        assertEquals("SERVER_STALLED", failure.name(), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("the server sent no verdict on problem 1/3 within its time"
                + " limit of 300 ms plus 500 ms during round 1/3"), failure.getMessage());
    }

    @Test
    void play_whenServerPingsInsteadOfWelcoming_thenGivesUpAtTheSilenceLimit() throws Exception {
        ClientFailure failure = playAgainst(RawTlsServer.Behavior.PING_INSTEAD_OF_WELCOME, 300,
                new ClientTimeouts(250, 1_500, 500));

        assertEquals("SERVER_STALLED", failure.name(), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("the server sent no WELCOME within 1500 ms before the"
                + " session started"), failure.getMessage());
    }

    /**
     * Plays against a server behaving so, checks that the session ends as a protocol error well within
     * 6 s (every bound under test is below 2 s), and returns the failure that ended it.
     */
    private ClientFailure playAgainst(RawTlsServer.Behavior behavior, long intervalMillis, ClientTimeouts timeouts)
            throws Exception {
        TestPki pki = TestPki.create(dir);
        try (RawTlsServer raw = new RawTlsServer(pki, behavior, intervalMillis)) {
            long started = System.nanoTime();
            ClientFailure failure = assertTimeoutPreemptively(HANG, () -> assertThrows(ClientFailure.class,
                    () -> session(pki, raw.port(), timeouts).run()));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(ExitCodes.PROTOCOL_ERROR, failure.exitCode(), failure.getMessage());
            assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "took " + took.toMillis() + " ms");
            return failure;
        }
    }

    @Test
    void run_whenServerTricklesAndServerTimeoutIsShort_thenExitsFiveWithinTheBound() throws Exception {
        TestPki pki = TestPki.create(dir);
        try (RawTlsServer raw = new RawTlsServer(pki, RawTlsServer.Behavior.TRICKLE_AFTER_HELLO, 100)) {
            long started = System.nanoTime();
            ClientResult result = assertTimeoutPreemptively(HANG, () -> Clients.run("--auto", "--host", "127.0.0.1",
                    "--port", Integer.toString(raw.port()), "--cafile", pki.caCert().toString(),
                    "--known-hosts", dir.resolve("kh").toString(), "--server-timeout", "1s"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(ExitCodes.PROTOCOL_ERROR, result.exitCode(), result.toString());
            // Silence on whole messages and the deadline for WELCOME both run out after 1 s here; on a loaded
            // machine either may fire first, and either is the right one-line report.
            assertTrue(result.err().startsWith("quiz: the server sent no complete message for 1 s")
                    || result.err().startsWith("quiz: the server sent no WELCOME within 1 s"), result.toString());
            assertEquals(1, result.err().split("\n", -1).length - 1, result.toString());
            assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "took " + took.toMillis() + " ms");
        }
    }

    private static PlaySession session(TestPki pki, int port, ClientTimeouts timeouts) {
        WatchedOutput out = new WatchedOutput();
        WatchedOutput err = new WatchedOutput();
        Terminal terminal = new Terminal(InputStream.nullInputStream(), out.printStream(), err.printStream(), false);
        PlaySettings settings = new PlaySettings("127.0.0.1", port, Duration.ofSeconds(10), "staller", 0,
                AnswerMode.AUTO, null, false, null);
        return new PlaySession(settings, terminal, SessionRenderer.create(OutputFormat.TEXT, terminal),
                () -> tls(pki.caCert()), timeouts, false);
    }

    private static ClientTls tls(Path caFile) {
        try {
            return ClientTls.create(ClientTlsConfig.of(new ClientTrust.CaFile(caFile), Protocol.ALPN_ID));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
