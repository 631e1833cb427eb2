package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.server.config.RoomHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The room scenario against a real quiz server over loopback TLS: whole games played, every
 * question measured, and the server's scores, verdicts and ranks equal to the bench's own
 * recomputation. No performance figure is asserted.
 */
class RoomBenchTest {

    @TempDir
    static Path dir;

    private static QuizServerFixture server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startServer() {
        // The bench opens every question itself: the server must not open the next one on its own first.
        server = QuizServerFixture.start(dir, b -> b.rooms(r -> r.withHosts(RoomHosts.ANYONE)
                .withRevealTime(Duration.ofHours(1))));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void room_whenTwentyPlayersPlayTwoQuestions_thenEveryOneMeasuredAndNoMismatch() throws Exception {
        BenchResult result = bench("--scenario", "room", "--connections", "20", "--questions", "2");

        assertNoMismatch(result);
        assertEquals(1L, result.gauges().get("rooms"));
        assertEquals(40, result.metric("question_fanout").count(), result.toString());
        assertEquals(20, result.metric("standings_after_close").count(), result.toString());
        assertEquals(20, result.metric("final_standings_after_close").count(), result.toString());
        // One seat in 20 stays silent each question, so that the host closes it.
        assertEquals(38, result.metric("answers_judged").count(), result.toString());
        assertEquals(0L, result.gauges().get("arrivals_missing"), result.toString());
    }

    @Test
    void room_whenSeveralRooms_thenEachRoomRankedOnItsOwn() throws Exception {
        BenchResult result = bench("--scenario", "room", "--rooms", "3", "--connections", "12", "--questions", "2",
                "--wrong-percent", "50");

        assertNoMismatch(result);
        assertEquals(3L, result.gauges().get("rooms"));
        assertEquals(24, result.metric("question_fanout").count(), result.toString());
        // Rooms of 4: one silent seat each question.
        assertEquals(18, result.metric("answers_judged").count(), result.toString());
    }

    @Test
    void room_whenPlayersInTwoProcesses_thenTheirArrivalsAreTimedAgainstTheHostsCommands() throws Exception {
        // Children are real JVMs: they get the codes and, after the game, the host's marks on stdin.
        BenchResult result = bench("--scenario", "room", "--rooms", "2", "--connections", "8", "--questions", "2",
                "--processes", "2");

        assertNoMismatch(result);
        assertEquals(2, result.processes());
        assertEquals(16, result.metric("question_fanout").count(), result.toString());
        assertEquals(8, result.metric("final_standings_after_close").count(), result.toString());
        assertEquals(0L, result.gauges().get("arrivals_missing"), result.toString());
        assertEquals(0L, result.gauges().get("arrivals_before_command"), result.toString());
    }

    private static void assertNoMismatch(BenchResult result) {
        assertEquals(0L, result.gauges().get("score_mismatches"), result.toString());
        assertEquals(0L, result.gauges().get("verdict_mismatches"), result.toString());
        assertEquals(0L, result.gauges().get("rank_mismatches"), result.toString());
        assertEquals(0L, result.gauges().get("players_unfinished"), result.toString());
        assertTrue(result.errors().isEmpty(), result.toString());
    }

    private BenchResult bench(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1",
                "--port", Integer.toString(server.port()), "--cafile", server.pki().caCert().toString(),
                "--threads", "2", "--output", "json"));
        args.addAll(List.of(extra));
        ClientResult run = BenchRuns.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return json.readValue(run.out(), BenchResult.class);
    }
}
