package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.server.quiz.Operation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scripted answers, the solver and JSON output against a real seeded server. */
class ScriptedPlayTest {

    private static final Set<String> WELCOME_FIELDS =
            Set.of("type", "sessionId", "rounds", "timeLimitMillis", "playerName", "nameVerified", "server");
    private static final Set<String> PROBLEM_FIELDS =
            Set.of("type", "problemId", "round", "rounds", "text", "timeLimitMillis", "format", "choices");
    private static final Set<String> VERDICT_FIELDS =
            Set.of("type", "problemId", "round", "outcome", "answer", "expected", "points", "score", "feedback");
    private static final Set<String> SUMMARY_FIELDS =
            Set.of("type", "correct", "answered", "total", "score", "durationMillis",
                    // Added by the client (issue 14, item 3); the server's fields above keep their names.
                    "accuracyPercent", "bestStreak", "averageAnswerMillis", "partial");

    @TempDir
    Path dir;

    private QuizServerFixture server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void auto_whenOperation_thenGetsEveryProblemRight(Operation operation) {
        server = QuizServerFixture.start(dir, builder -> builder.game(x -> x.withOperations(EnumSet.of(operation))
                .withRounds(5)));

        ClientResult result = Clients.run(server.args("--auto", "--output", "json"));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        JsonNode summary = result.events("summary").get(0);
        assertEquals(5, summary.get("correct").asInt(), result.toString());
        assertEquals(5, summary.get("total").asInt(), result.toString());
        for (JsonNode problem : result.events("problem")) {
            assertTrue(problem.get("text").asText().contains(operation.symbol()), problem.toString());
        }
        for (JsonNode verdict : result.events("verdict")) {
            assertEquals("CORRECT", verdict.get("outcome").asText(), verdict.toString());
        }
    }

    @Test
    void json_whenSessionPlayed_thenEveryLineIsOneEventWithItsFields() {
        server = QuizServerFixture.start(dir, builder -> builder);

        ClientResult result = Clients.run(server.args("--auto", "--output", "json"));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        List<JsonNode> events = result.jsonLines();
        assertEquals(List.of("welcome", "problem", "verdict", "problem", "verdict", "problem", "verdict", "summary"),
                events.stream().map(event -> event.get("type").asText()).toList(), result.toString());
        assertEquals(WELCOME_FIELDS, fieldNames(events.get(0)));
        assertEquals("tester", events.get(0).get("playerName").asText());
        assertEquals(3, events.get(0).get("rounds").asInt());
        assertEquals(30_000, events.get(0).get("timeLimitMillis").asLong());
        assertEquals(PROBLEM_FIELDS, fieldNames(events.get(1)));
        assertTrue(events.get(1).get("choices").isArray());
        // The server's arithmetic is answered with a whole number (protocol version 2).
        assertEquals("integer", events.get(1).get("format").asText());
        JsonNode verdict = events.get(2);
        assertEquals(VERDICT_FIELDS, fieldNames(verdict));
        assertEquals("", verdict.get("feedback").asText());
        assertEquals(events.get(1).get("problemId").asLong(), verdict.get("problemId").asLong());
        assertEquals(1, verdict.get("round").asInt());
        assertEquals(verdict.get("expected").asText(), verdict.get("answer").asText());
        assertTrue(verdict.get("points").asLong() > 0, verdict.toString());
        assertTrue(verdict.has("score"), verdict.toString());
        assertEquals(SUMMARY_FIELDS, fieldNames(events.get(7)));
        assertEquals(3, events.get(7).get("answered").asInt());
        // --auto answers all three right.
        assertEquals(100.0, events.get(7).get("accuracyPercent").asDouble(), events.get(7).toString());
        assertEquals(3, events.get(7).get("bestStreak").asInt(), events.get(7).toString());
        assertTrue(events.get(7).get("averageAnswerMillis").isIntegralNumber(), events.get(7).toString());
        assertFalse(events.get(7).get("partial").asBoolean(), events.get(7).toString());
    }

    @Test
    void answersFile_whenRightAndWrongAnswers_thenMatchingVerdictsAndSummary() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        // The seed makes every session ask the same problems: learn them from a first session.
        List<String> texts = Clients.run(server.args("--auto", "--output", "json")).events("problem").stream()
                .map(problem -> problem.get("text").asText()).toList();
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, ArithmeticSolver.solve(texts.get(0)) + "\n"
                + (ArithmeticSolver.solve(texts.get(1)) + 1) + "\n"
                + " " + ArithmeticSolver.solve(texts.get(2)) + " \n");

        ClientResult result = Clients.run(server.args("--answers", answers.toString(), "--output", "json"));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        List<JsonNode> verdicts = result.events("verdict");
        assertEquals(List.of("CORRECT", "WRONG", "CORRECT"),
                verdicts.stream().map(verdict -> verdict.get("outcome").asText()).toList(), result.toString());
        // Sent exactly as written, spaces and all; the server trims and judges.
        assertEquals(" " + ArithmeticSolver.solve(texts.get(2)) + " ", verdicts.get(2).get("answer").asText());
        JsonNode summary = result.events("summary").get(0);
        assertEquals(2, summary.get("correct").asInt());
        assertEquals(3, summary.get("answered").asInt());
        assertEquals(3, summary.get("total").asInt());
    }

    @Test
    void stdinAnswers_whenTheyRunOut_thenSaysByeAndStillShowsSummary() {
        server = QuizServerFixture.start(dir, builder -> builder);
        ByteArrayInputStream stdin = new ByteArrayInputStream("0\n".getBytes(StandardCharsets.UTF_8));

        ClientResult result = Clients.run(stdin, false, server.args());

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().contains("Problem 1/3"), result.toString());
        assertTrue(result.out().matches("(?s).*answered\\s+1\\n.*"), result.toString());
        assertFalse(result.out().contains("Problem 3/3"), result.toString());
    }

    @Test
    void text_whenAutoPlaysWithoutNamingPlay_thenShowsHeaderVerdictsAndSummaryTable() {
        server = QuizServerFixture.start(dir, builder -> builder);
        String[] args = server.args("--auto");
        // "quiz --auto ...": play is the default subcommand.
        String[] withoutPlay = java.util.Arrays.copyOfRange(args, 1, args.length);

        ClientResult result = Clients.run(withoutPlay);

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().contains("Welcome, tester! 3 rounds, 30 s per problem"), result.toString());
        assertEquals(3, result.out().split("\u2713 correct  \\+", -1).length - 1, result.toString());
        assertTrue(result.out().matches("(?s).*correct\\s+3\\n.*"), result.toString());
        assertEquals("", result.err(), result.toString());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
