package dev.tlsquiz.client.play;

import static dev.tlsquiz.tls.testing.HostileText.assertNothingForTheTerminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.RawTlsServer;
import dev.tlsquiz.client.testing.RawTlsServer.Asked;
import dev.tlsquiz.client.testing.ScriptedInput;
import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.tls.testing.HostileText;
import dev.tlsquiz.tls.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Questions of every version 2 answer format (issue 15, client side), from a real TLS server over
 * loopback that asks them and records the ANSWER texts exactly as they came off the wire, played
 * through the real client: by a person, by an answers file, and by {@code --auto}.
 */
class BankPlayTest {

    private static final long TIME_LIMIT_MILLIS = 30_000;

    /** One question of each format; the server judges exactly the texts listed as right. */
    private static final List<Asked> EVERY_FORMAT = List.of(
            new Asked(problem("Capital of France?", AnswerFormat.ONE_CHOICE, "Berlin", "Paris", "Rome"),
                    Set.of("b", "2"), "Paris", "Paris has been the capital since 987"),
            new Asked(problem("Which are prime?", AnswerFormat.SEVERAL_CHOICES, "2", "4", "5", "9"),
                    Set.of("a,c", "c, a"), "2, 5", ""),
            new Asked(problem("How many legs has a spider?", AnswerFormat.INTEGER),
                    Set.of("8"), "8", "Eight: spiders are arachnids"),
            new Asked(problem("Pi to two decimals?", AnswerFormat.NUMBER), Set.of("3.14"), "3.14", ""),
            new Asked(problem("Capital of Italy?", AnswerFormat.TEXT), Set.of("Rome"), "Rome", "Roma, in Italian"));

    @TempDir
    Path dir;

    @Test
    void play_whenPersonAnswersEveryFormat_thenChoicesShownAsLettersBadFormsAskedAgainAndWireTextAsTyped()
            throws Exception {
        TestPki pki = TestPki.create(dir);
        try (RawTlsServer server = RawTlsServer.asking(pki, EVERY_FORMAT)) {
            ScriptedInput keyboard = new ScriptedInput();
            Clients.Background run = new Clients.Background(keyboard, true, args(pki, server));

            run.out().await("Problem 1/5  Capital of France?\n  a) Berlin\n  b) Paris\n  c) Rome\nyour choice (a-c) = ");
            keyboard.type("d");
            run.out().await("'d' is not a choice: answer one letter a-c or a number 1-3, or 'quit' to stop");
            keyboard.type("b");
            run.out().await("\u2713 correct  +100 points (score 100)\n  Paris has been the capital since 987\n");

            run.out().await("  d) 9\nyour choices (a-d, such as a,c) = ");
            keyboard.type("a,c");
            run.out().await("(score 200)\n");

            run.out().await("Problem 3/5  How many legs has a spider? = ");
            keyboard.type("eight");
            run.out().await("not a whole number: answer digits with an optional sign, such as -12, or 'quit' to stop");
            keyboard.type("8");
            run.out().await("(score 300)\n  Eight: spiders are arachnids\n");

            run.out().await("Problem 4/5  Pi to two decimals? = ");
            keyboard.type("3,14");
            run.out().await("use a dot for decimals: 3.14");
            keyboard.type("3.14");
            run.out().await("(score 400)\n");

            run.out().await("Problem 5/5  Capital of Italy? = ");
            keyboard.type("help");
            run.out().await("type \\quit or \\help");
            keyboard.type("   ");
            run.out().await("no answer: type the answer, or 'quit' to stop");
            // The word itself, not the command: the answer "quit", judged wrong.
            keyboard.type("\\quit");
            run.out().await("\u2717 wrong, expected Rome (score 400)\n  Roma, in Italian\n");
            ClientResult result = run.await();

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            // Refused forms never went out; the rest went as typed (trimmed).
            assertEquals(List.of("b", "a,c", "8", "3.14", "quit"), server.answersReceived(), result.toString());
            assertTrue(result.out().matches("(?s).*correct\\s+4\\n.*"), result.toString());
        }
    }

    @Test
    void answersFile_whenEveryFormatAndABadLine_thenLinesSentAsWrittenTheBadOneNamedAndJsonCarriesFormats()
            throws Exception {
        TestPki pki = TestPki.create(dir);
        Path answers = dir.resolve("answers.txt");
        List<String> lines = List.of("2", "c, a", "8", "pi", "Rome");
        Files.write(answers, lines);
        try (RawTlsServer server = RawTlsServer.asking(pki, EVERY_FORMAT)) {

            ClientResult result = Clients.run(args(pki, server, "--answers", answers.toString(), "--output", "json"));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            assertEquals(lines, server.answersReceived(), result.toString());
            assertTrue(result.err().contains("answers line 4: not a number: answer digits with an optional sign and"
                    + " decimal dot, such as -3.14 (sent as written; the server judges it)"), result.toString());
            assertEquals(1, result.err().lines().count(), result.toString());

            List<JsonNode> problems = result.events("problem");
            assertEquals(List.of("one_choice", "several_choices", "integer", "number", "text"),
                    texts(problems, "format"), result.toString());
            assertEquals(List.of("Berlin", "Paris", "Rome"), texts(problems.get(0).get("choices")));
            assertEquals(List.of("2", "4", "5", "9"), texts(problems.get(1).get("choices")));
            assertEquals(0, problems.get(2).get("choices").size(), result.toString());
            List<JsonNode> verdicts = result.events("verdict");
            assertEquals(List.of("CORRECT", "CORRECT", "CORRECT", "WRONG", "CORRECT"), texts(verdicts, "outcome"));
            assertEquals(List.of("Paris has been the capital since 987", "", "Eight: spiders are arachnids", "",
                    "Roma, in Italian"), texts(verdicts, "feedback"), result.toString());
            assertEquals(lines, texts(verdicts, "answer"));
        }
    }

    @Test
    void auto_whenBankMixesArithmeticWithOtherQuestions_thenAnswersTheSumsAndSaysWhichItCannotAnswer()
            throws Exception {
        TestPki pki = TestPki.create(dir);
        List<Asked> mixed = List.of(
                new Asked(problem("17 + 25", AnswerFormat.INTEGER), Set.of("42"), "42", ""),
                // Left to time out: a short limit keeps the test quick.
                new Asked(new Problem(0, 1, 1, 1_500, "Capital of France?", AnswerFormat.TEXT, List.of()),
                        Set.of("Paris"), "Paris", ""),
                new Asked(new Problem(0, 1, 1, 1_500, "Which is red?", AnswerFormat.ONE_CHOICE,
                        List.of("sky", "blood")), Set.of("b"), "blood", ""),
                new Asked(problem("6 \u00D7 7", AnswerFormat.INTEGER), Set.of("42"), "42", ""));
        try (RawTlsServer server = RawTlsServer.asking(pki, mixed)) {

            ClientResult result = Clients.run(args(pki, server, "--auto"));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            assertEquals(List.of("42", "42"), server.answersReceived(), result.toString());
            assertTrue(result.out().contains("  cannot answer 'Capital of France?' automatically: a TEXT question;"
                    + " it is left to time out\n\u23F1 time's up, expected Paris"), result.toString());
            assertTrue(result.out().contains("cannot answer 'Which is red?' automatically: a ONE_CHOICE question"),
                    result.toString());
            assertTrue(result.out().matches("(?s).*correct\\s+2\\n.*"), result.toString());
            assertTrue(result.out().matches("(?s).*total\\s+4\\n.*"), result.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void verdict_whenFeedbackAndChoicesHoldEscapes_thenNoneReachesTheTerminal(String format) throws Exception {
        TestPki pki = TestPki.create(dir);
        List<Asked> hostile = List.of(new Asked(
                problem("Pick " + HostileText.wrap("problem"), AnswerFormat.ONE_CHOICE, "safe",
                        HostileText.wrap("choice")),
                Set.of("a"), HostileText.wrap("expected"), HostileText.wrap("feedback")));
        try (RawTlsServer server = RawTlsServer.asking(pki, hostile)) {
            ByteArrayInputStream stdin = new ByteArrayInputStream("b\n".getBytes(StandardCharsets.UTF_8));

            ClientResult result = Clients.run(stdin, false, args(pki, server, "--output", format));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            assertNothingForTheTerminal(result.out());
            assertNothingForTheTerminal(result.err());
            if (format.equals("json")) {
                // Scripts get the exact text, escaped the JSON way.
                assertEquals(HostileText.wrap("feedback"), result.events("verdict").get(0).get("feedback").asText());
            } else {
                for (String field : List.of("choice", "expected", "feedback")) {
                    assertTrue(result.out().contains(field + "\\u202eevil\\x9b2J\\x0d\\x0a\\x1b]52;c;"),
                            field + " missing in\n" + HostileText.visible(result.out()));
                }
                assertTrue(result.out().contains("\n  b) \\x1b[2J\\x1b[H\\x1b]0;owned\\x07choice"),
                        HostileText.visible(result.out()));
            }
        }
    }

    private static Problem problem(String text, AnswerFormat format, String... choices) {
        return new Problem(0, 1, 1, TIME_LIMIT_MILLIS, text, format, List.of(choices));
    }

    private String[] args(TestPki pki, RawTlsServer server, String... more) {
        List<String> args = new ArrayList<>(List.of("play", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--cafile", pki.caCert().toString(),
                "--known-hosts", dir.resolve("known_hosts").toString(), "--name", "tester"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static List<String> texts(List<JsonNode> events, String field) {
        return events.stream().map(event -> event.get(field).isNull() ? null : event.get(field).asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
