package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.client.testing.ScriptedInput;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person at a terminal, played by the test: it reads each prompt and types the reply. */
class InteractivePlayTest {


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
    void play_whenInvalidThenRightThenWrongThenQuit_thenAsksAgainLocallyAndShowsSummary() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        ScriptedInput keyboard = new ScriptedInput();
        Clients.Background run = new Clients.Background(keyboard, true, server.args());

        run.out().await("3 rounds, 30 s per problem");
        String first = problemText(run, 1);
        keyboard.type("forty-two");
        run.out().await("not a whole number: answer digits with an optional sign, such as -12, or 'quit' to stop");
        keyboard.type(Long.toString(ArithmeticSolver.solve(first)));
        run.out().await("\u2713 correct  +");

        String second = problemText(run, 2);
        long wrong = ArithmeticSolver.solve(second) + 1;
        keyboard.type(Long.toString(wrong));
        run.out().await("\u2717 wrong, expected " + ArithmeticSolver.solve(second));

        problemText(run, 3);
        keyboard.type("quit");
        ClientResult result = run.await();

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().contains("Summary"), result.toString());
        assertTrue(result.out().matches("(?s).*correct\\s+1\\n.*"), result.toString());
        assertTrue(result.out().matches("(?s).*answered\\s+2\\n.*"), result.toString());
        assertTrue(result.out().matches("(?s).*total\\s+3\\n.*"), result.toString());
        assertTrue(result.out().contains("duration"), result.toString());
        // The invalid line was never sent: the server saw two answers, and nothing was judged for it.
        assertEquals(2, count(result.out(), "\u2713|\u2717"), result.toString());
        assertFalse(result.err().contains("Exception"), result.toString());
    }

    @Test
    void play_whenInputEndsAtThePrompt_thenEndsPolitelyWithSummary() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder);
        ScriptedInput keyboard = new ScriptedInput();
        Clients.Background run = new Clients.Background(keyboard, true, server.args());

        problemText(run, 1);
        keyboard.end();
        ClientResult result = run.await();

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().matches("(?s).*answered\\s+0\\n.*"), result.toString());
    }

    @Test
    void play_whenTimeRunsOutWhileTyping_thenShowsTimeoutAtOnceAndPromptsTheNextProblem() throws Exception {
        server = QuizServerFixture.start(dir, builder -> builder.game(x -> x.withTimeLimit(java.time.Duration.ofMillis(700)))
                .timeouts(x -> x.withIdleTimeout(java.time.Duration.ofSeconds(30))));
        ScriptedInput keyboard = new ScriptedInput();
        Clients.Background run = new Clients.Background(keyboard, true, server.args());

        String first = problemText(run, 1);
        // The player types nothing: the verdict and the next prompt must still appear.
        run.out().await("\u23F1 time's up, expected " + ArithmeticSolver.solve(first));
        String second = problemText(run, 2);
        keyboard.type(Long.toString(ArithmeticSolver.solve(second)));
        keyboard.type("quit");
        ClientResult result = run.await();

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().contains("Summary"), result.toString());
    }

    private static String problemText(Clients.Background run, int round) throws InterruptedException {
        // The first prompt of this round; a re-prompt repeats it.
        Matcher matcher = run.out().await(Pattern.compile("Problem " + round + "/3  (.+?) = "), 1);
        return matcher.group(1);
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
