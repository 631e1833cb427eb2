package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientProcess;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.PtyClient;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.client.testing.RawTlsServer;
import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.tls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person playing at a real terminal: the client runs as a process on a pseudo-terminal, the test
 * types keys into it and reads the screen, against a real server on 127.0.0.1.
 */
class TerminalPlayTest {

    /** Colour escape sequences (SGR foreground colours): the line editor's own cursor moves are not colour. */
    private static final Pattern COLOUR = Pattern.compile("\u001B\\[3[0-9]m");

    @TempDir
    Path dir;

    private QuizServerFixture server;
    private PtyClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void play_whenKeysTypedBeforeTheFirstProblem_thenOnlyWhatIsTypedAtThePromptIsSentAndTheClockCountsDown()
            throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        client = PtyClient.start(Map.of(), server.args());
        // Typed while the client starts and connects: before any problem is on the screen.
        client.type("1");
        assertFalse(client.screen().text().contains("Problem 1/3"), client.screen().text());

        Matcher first = client.screen().await(Pattern.compile("\\[\\s*(\\d+)s\\] Problem 1/3  (.+?) = "), 1);
        int shownSeconds = Integer.parseInt(first.group(1));
        // The prompt is drawn again a second later with one second less; the player has typed nothing.
        client.screen().await(Pattern.compile("\\[\\s*" + (shownSeconds - 1) + "s\\] Problem 1/3  "), 1);
        client.type(ArithmeticSolver.solve(first.group(2)) + PtyClient.ENTER);

        // Had the early '1' been kept, the answer would have been 1 followed by the sum: wrong.
        client.screen().await("\u001B[32m\u2713 correct\u001B[0m  +");
        client.screen().await(Pattern.compile("Problem 2/3  "), 1);
        client.type(PtyClient.CTRL_D);

        assertEquals(ExitCodes.OK, client.awaitExit(30), client.screen().text());
        String screen = client.screen().text();
        assertTrue(screen.matches("(?s).*correct\\s+1\\r\\n.*"), screen);
        assertTrue(screen.matches("(?s).*answered\\s+1\\r\\n.*"), screen);
        assertTrue(screen.matches("(?s).*accuracy\\s+100% of answered.*"), screen);
        assertTrue(screen.matches("(?s).*best streak\\s+1\\r\\n.*"), screen);
        assertTrue(screen.matches("(?s).*avg answer\\s+\\d+\\.\\d s.*"), screen);
    }

    @Test
    void play_whenHelpThenHugeNumberThenCtrlC_thenListsCommandsJudgesTheNumberAndEndsWithTheSummary()
            throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        client = PtyClient.start(Map.of("NO_COLOR", "1"), server.args());
        client.screen().await(Pattern.compile("\\[\\s*\\d+s\\] Problem 1/3  "), 1);

        client.type("help" + PtyClient.ENTER);
        client.screen().await("quit, q, exit");
        client.type("forty-two" + PtyClient.ENTER);
        client.screen().await("not a whole number: answer digits with an optional sign, such as -12, or 'quit' to stop");
        // The re-prompt is short: the problem is not asked a second time.
        client.screen().await(Pattern.compile("\\[\\s*\\d+s\\] = "), 1);
        client.type("99999999999999999999" + PtyClient.ENTER);
        client.screen().await("\u2717 wrong, expected ");

        client.screen().await(Pattern.compile("Problem 2/3  "), 1);
        client.type("12" + PtyClient.CTRL_C);
        client.screen().await("Ctrl-C again leaves at once");

        assertEquals(ExitCodes.OK, client.awaitExit(30), client.screen().text());
        String screen = client.screen().text();
        assertTrue(screen.matches("(?s).*answered\\s+1\\r\\n.*"), screen);
        assertTrue(screen.matches("(?s).*total\\s+2\\r\\n.*"), screen);
        assertTrue(screen.matches("(?s).*accuracy\\s+0% of answered.*"), screen);
        assertEquals(1, count(screen, "Problem 1/3"), "the problem line once, not again on the re-prompt: " + screen);
        assertFalse(COLOUR.matcher(screen).find(), "NO_COLOR is set: " + screen);
        // The summary ends on a line of its own, and the terminal is given back.
        assertTrue(screen.stripTrailing().endsWith(screen.lines().filter(l -> l.contains("duration")).findFirst()
                .orElseThrow().stripTrailing()), screen);
    }

    @Test
    void play_whenAChoiceQuestion_thenTheChoicesAreListedAndALetterAnswersIt() throws Exception {
        TestPki pki = TestPki.create(dir);
        Problem choice = new Problem(0, 1, 1, 30_000, "Capital of France?", AnswerFormat.ONE_CHOICE,
                List.of("Berlin", "Paris", "Rome"));
        try (RawTlsServer raw = RawTlsServer.asking(pki,
                List.of(new RawTlsServer.Asked(choice, Set.of("b"), "Paris", "Paris it is")))) {
            client = PtyClient.start(Map.of("NO_COLOR", "1"), "play", "--host", "127.0.0.1", "--port",
                    Integer.toString(raw.port()), "--cafile", pki.caCert().toString(), "--known-hosts",
                    dir.resolve("known_hosts").toString(), "--name", "tester");
            client.screen().await(Pattern.compile(
                    "Problem 1/1  Capital of France\\?\r?\n  a\\) Berlin\r?\n  b\\) Paris\r?\n  c\\) Rome\r?\n"), 1);
            client.screen().await(Pattern.compile("\\[\\s*\\d+s\\] your choice \\(a-c\\) = "), 1);

            client.type("b" + PtyClient.ENTER);

            client.screen().await(Pattern.compile("\u2713 correct  \\+100 points \\(score 100\\)\r?\n  Paris it is"), 1);
            assertEquals(ExitCodes.OK, client.awaitExit(30), client.screen().text());
            assertEquals(List.of("b"), raw.answersReceived(), client.screen().text());
        }
    }

    @Test
    void play_whenCtrlCTwiceWhileTheServerNeverAnswersBye_thenExitsAtOnceWith130() throws Exception {
        TestPki pki = TestPki.create(dir);
        try (RawTlsServer raw = new RawTlsServer(pki, RawTlsServer.Behavior.PING_INSTEAD_OF_VERDICT, 120_000)) {
            client = PtyClient.start(Map.of(), "play", "--host", "127.0.0.1", "--port", Integer.toString(raw.port()),
                    "--cafile", pki.caCert().toString(), "--known-hosts", dir.resolve("known_hosts").toString(),
                    "--name", "tester", "--server-timeout", "120s");
            client.screen().await(Pattern.compile("Problem 1/3  1 \\+ 1 = "), 1);

            client.type(PtyClient.CTRL_C);
            client.screen().await("Ctrl-C again leaves at once");
            long start = System.nanoTime();
            client.type(PtyClient.CTRL_C);

            assertEquals(130, client.awaitExit(30), client.screen().text());
            // At once: long before the 120 s the client would otherwise wait for the SUMMARY.
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, client.screen().text());
        }
    }

    @Test
    void play_whenServerShutsDownMidSession_thenShowsThePartialSummaryBeforeTheError() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        client = PtyClient.start(Map.of(), server.args());
        Matcher first = client.screen().await(Pattern.compile("\\[\\s*\\d+s\\] Problem 1/3  (.+?) = "), 1);
        client.type(ArithmeticSolver.solve(first.group(1)) + PtyClient.ENTER);
        client.screen().await(Pattern.compile("Problem 2/3  "), 1);
        client.type("7");

        server.close();

        assertEquals(ExitCodes.PROTOCOL_ERROR, client.awaitExit(30), client.screen().text());
        String screen = client.screen().text();
        int summary = screen.indexOf("Summary (so far: the session was cut off)");
        int error = screen.indexOf("quiz: server error SERVER_SHUTTING_DOWN");
        assertTrue(summary >= 0 && error > summary, screen);
        assertTrue(screen.matches("(?s).*correct\\s+1\\r\\n.*"), screen);
        assertTrue(screen.matches("(?s).*total\\s+2\\r\\n.*"), screen);
    }

    @Test
    void play_whenStdoutIsNotATerminal_thenNoEscapeSequences() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);

        ClientResult result = ClientProcess.run(dir, server.args("--auto"));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().contains("\u2713 correct"), result.toString());
        assertFalse(result.out().contains("\u001B") || result.err().contains("\u001B"), result.toString());
    }

    private static int count(String text, String literal) {
        Matcher matcher = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
