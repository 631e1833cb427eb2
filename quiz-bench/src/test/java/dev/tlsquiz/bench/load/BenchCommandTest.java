package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.QuizServerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One short run of each scenario against a real quiz server over loopback TLS. These check that
 * every scenario runs, measures something and reports it; they assert no performance figure.
 */
class BenchCommandTest {

    @TempDir
    static Path dir;

    private static QuizServerFixture server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startServer() {
        server = QuizServerFixture.start(dir, b -> b.game(x -> x.withMaxRounds(65_535)));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void handshakes_thenFullAndResumedHandshakesReported() throws Exception {
        BenchResult result = bench("--scenario", "handshakes", "--connections", "2", "--duration", "1s");

        assertTrue(result.metric("full_handshakes").count() > 0, result.toString());
        assertEquals(List.of("full_handshakes", "resumed_handshakes"),
                result.metrics().stream().map(Metric::name).toList());
    }

    @Test
    void handshakes_whenResumed_thenTheServerResumesSessions() throws Exception {
        BenchResult result = bench("--scenario", "handshakes", "--handshake-mode", "resumed", "--connections", "2",
                "--duration", "1s");

        // Each slot's first connection has no ticket yet; every later one offers the previous one's.
        long resumed = result.metric("resumed_handshakes").count();
        long notResumed = result.gauges().get("resumption_attempts_not_resumed");
        assertTrue(resumed > 0, result.toString());
        assertTrue(notResumed <= 2, "only each slot's first connection may miss: " + result);
    }

    @Test
    void roundtrips_whenClosedLoop_thenAnswersAreJudgedCorrect() throws Exception {
        BenchResult result = bench("--scenario", "roundtrips", "--connections", "3", "--duration", "1s");

        assertTrue(result.metric("roundtrips").count() > 0, result.toString());
        assertEquals(null, result.errors().get("verdict_wrong"), "the bench solves every problem");
    }

    @Test
    void roundtrips_whenOpenLoop_thenRunsAtTheRate() throws Exception {
        BenchResult result = bench("--scenario", "roundtrips", "--connections", "2", "--duration", "1s",
                "--rate", "200");

        assertTrue(result.metric("roundtrips").count() > 0, result.toString());
        assertEquals(200.0, result.rateTarget(), 1e-9);
    }

    @Test
    void sessions_thenWholeSessionsCounted() throws Exception {
        BenchResult result = bench("--scenario", "sessions", "--connections", "2", "--duration", "1s");

        assertTrue(result.metric("sessions").count() > 0, result.toString());
        assertTrue(result.metric("roundtrips").count() > 0, result.toString());
    }

    @Test
    void idle_thenEverySessionHeld() throws Exception {
        BenchResult result = bench("--scenario", "idle", "--connections", "20", "--duration", "1s");

        assertEquals(20L, result.gauges().get("held_sessions"), result.toString());
        assertEquals(20, result.metric("connect_to_welcome").count());
    }

    @Test
    void bench_whenNoTrustGiven_thenUsageErrorWithoutConnecting() {
        ClientResult run = BenchRuns.run("--host", "127.0.0.1", "--port", Integer.toString(server.port()));

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--cafile"), run.err());
        // One line and a pointer, as a parse error gets.
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("quiz-bench: ") && run.err().endsWith("; see 'quiz-bench --help'\n"),
                run.err());
    }

    private BenchResult bench(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1",
                "--port", Integer.toString(server.port()), "--cafile", server.pki().caCert().toString(),
                "--warmup", "0s", "--threads", "2", "--output", "json"));
        args.addAll(List.of(extra));
        ClientResult run = BenchRuns.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return json.readValue(run.out(), BenchResult.class);
    }
}
