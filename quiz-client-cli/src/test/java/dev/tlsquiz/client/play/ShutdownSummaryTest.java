package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.client.testing.ScriptedInput;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that shuts down mid-session: the player still learns what they scored, then why it ended. */
class ShutdownSummaryTest {

    @TempDir
    Path dir;

    private QuizServerFixture server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void play_whenServerShutsDownInJson_thenPartialSummaryEventComesBeforeTheErrorEvent() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        ScriptedInput keyboard = new ScriptedInput();
        Clients.Background run = new Clients.Background(keyboard, true, server.args("--output", "json"));

        Matcher first = run.out().await(Pattern.compile("\"round\":1,\"rounds\":3,\"text\":\"([^\"]+)\""), 1);
        keyboard.type(Long.toString(ArithmeticSolver.solve(first.group(1))));
        run.out().await(Pattern.compile("\"type\":\"problem\".*\"round\":2"), 1);
        server.close();
        ClientResult result = run.await();

        assertEquals(ExitCodes.PROTOCOL_ERROR, result.exitCode(), result.toString());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = result.out().lines().map(line -> readTree(json, line)).toList();
        JsonNode summary = events.get(events.size() - 2);
        JsonNode error = events.get(events.size() - 1);
        assertEquals("summary", summary.get("type").asText(), result.out());
        assertTrue(summary.get("partial").asBoolean(), result.out());
        assertEquals(1, summary.get("correct").asInt(), result.out());
        assertEquals(1, summary.get("answered").asInt(), result.out());
        assertEquals(2, summary.get("total").asInt(), result.out());
        assertEquals(1, summary.get("bestStreak").asInt(), result.out());
        assertEquals(100.0, summary.get("accuracyPercent").asDouble(), result.out());
        assertTrue(summary.get("averageAnswerMillis").canConvertToLong(), result.out());
        assertEquals("error", error.get("type").asText(), result.out());
        assertEquals("SERVER_SHUTTING_DOWN", error.get("name").asText(), result.out());
    }

    @Test
    void play_whenServerShutsDownBeforeAnyAnswer_thenTextSummaryHasNoAccuracyThenTheErrorLine() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        ScriptedInput keyboard = new ScriptedInput();
        Clients.Background run = new Clients.Background(keyboard, true, server.args());

        run.out().await(Pattern.compile("Problem 1/3  "), 1);
        server.close();
        ClientResult result = run.await();

        assertEquals(ExitCodes.PROTOCOL_ERROR, result.exitCode(), result.toString());
        assertTrue(result.out().contains("Summary (so far: the session was cut off)"), result.toString());
        assertTrue(result.out().matches("(?s).*total\\s+1\\n.*"), result.toString());
        assertTrue(result.out().matches("(?s).*accuracy\\s+- \\(nothing answered\\)\\n.*"), result.toString());
        assertTrue(result.err().startsWith("quiz: server error SERVER_SHUTTING_DOWN"), result.toString());
    }

    private static JsonNode readTree(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
