package dev.tlsquiz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One line and a pointer for every kind of usage error, on a small tree shaped like the programs'. */
class UsageErrorsTest {

    @Command(name = "tool", mixinStandardHelpOptions = true, subcommands = {Run.class, Certs.class})
    static final class Tool implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true)
    static final class Run implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "1")
        int port;

        @Option(names = "--host", defaultValue = "localhost")
        String host;

        @Option(names = "--connect-timeout", defaultValue = "10s", converter = DurationConverter.class)
        Duration timeout;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "certs", mixinStandardHelpOptions = true, subcommands = Init.class)
    static final class Certs implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true)
    static final class Init implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine tool = new CommandLine(new Tool());
        tool.setOut(new PrintWriter(out, true));
        tool.setErr(new PrintWriter(err, true));
        tool.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        tool.setParameterExceptionHandler(new UsageErrors("tool"));
        return DefaultSubcommand.execute(tool, "run", args);
    }

    private void assertOneLine(String expected) {
        assertEquals(expected + "\n", err.toString());
        assertEquals("", out.toString(), "usage errors go to stderr only");
    }

    @Test
    void unknownOption_whenOneEditAway_thenSuggestsTheNearest() {
        assertEquals(2, run("--prot", "4000"));
        assertOneLine("tool: unknown option '--prot' (did you mean '--port'?); see 'tool run --help'");
    }

    @Test
    void unknownOption_whenGivenWithAValue_thenNamesTheOptionAlone() {
        assertEquals(2, run("--hots=example.org"));
        assertOneLine("tool: unknown option '--hots' (did you mean '--host'?); see 'tool run --help'");
    }

    @Test
    void unknownOption_whenNothingIsNear_thenNoSuggestion() {
        assertEquals(2, run("--zzzzzz"));
        assertOneLine("tool: unknown option '--zzzzzz'; see 'tool run --help'");
    }

    @Test
    void unknownCommand_whenTheDefaultTakesNoArguments_thenSuggestsTheNearestCommand() {
        assertEquals(2, run("cert", "init"));
        assertOneLine("tool: unknown command 'cert' (did you mean 'certs'?); see 'tool --help'");
    }

    @Test
    void unknownSubcommand_whenNested_thenSuggestsAmongItsSiblings() {
        assertEquals(2, run("certs", "inti"));
        assertOneLine("tool: unknown command 'inti' (did you mean 'init'?); see 'tool certs --help'");
    }

    @Test
    void badValue_whenPicocliConverts_thenNamesTheOption() {
        assertEquals(2, run("--port", "many"));
        assertOneLine("tool: invalid value for --port: 'many' is not an int; see 'tool run --help'");
    }

    @Test
    void badValue_whenOurConverterRefuses_thenItsExplanationFollowsTheOption() {
        assertEquals(2, run("--connect-timeout", "soon"));
        assertTrue(err.toString().startsWith("tool: invalid value for --connect-timeout: 'soon' (expected: a number"),
                err::toString);
        assertTrue(err.toString().endsWith("; see 'tool run --help'\n"), err::toString);
        assertEquals(1, err.toString().lines().count(), err::toString);
    }

    @Test
    void typedText_whenItHoldsTerminalControls_thenShownVisiblyAndOnOneLine() {
        assertEquals(2, run("--port", "1\u001b[2J\nx\u009b"));
        String line = err.toString();
        assertEquals(1, line.lines().count(), line);
        assertFalse(line.chars().anyMatch(c -> c == 0x1b || c == 0x9b), line);
        assertTrue(line.contains("\\x1b[2J"), line);
    }

    @Test
    void typedText_whenHuge_thenTheLineStaysShortAndNoSuggestionIsComputed() {
        String huge = "--" + "p".repeat(1_000_000);
        long start = System.nanoTime();
        assertEquals(2, run(huge));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "a million characters took too long");
        String line = err.toString();
        assertTrue(line.length() < UsageErrors.MAX_DESCRIPTION_CHARS + 100, () -> line.length() + " chars");
        assertTrue(line.endsWith("...; see 'tool run --help'\n"), line);
    }

    @Test
    void report_whenGiven_thenReceivesTheLineInsteadOfStderr() {
        CommandLine tool = new CommandLine(new Tool());
        tool.setErr(new PrintWriter(err, true));
        StringBuilder reported = new StringBuilder();
        tool.setParameterExceptionHandler(new UsageErrors("tool", (failed, line, args) ->
                reported.append(failed.getCommandName()).append('|').append(line).append('|').append(args.length)));
        assertEquals(2, DefaultSubcommand.execute(tool, "run", "--port", "x"));
        assertEquals("run|invalid value for --port: 'x' is not an int; see 'tool run --help'|3", reported.toString());
        assertEquals("", err.toString());
    }
}
