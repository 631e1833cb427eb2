package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.QuizCommand;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.server.cli.QuizServerMain;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One help style over every command of the three programs ({@code quiz}, {@code quiz-server},
 * {@code quiz-bench}), found by walking each tree with {@code getSubcommands} so that a command added
 * later is checked too: each has {@code --help} and {@code --version} (which names Netty, the TLS
 * implementation and Java), each visible option has a description, value lists are
 * {@code ${COMPLETION-CANDIDATES}} in lower case, defaults read {@code (default: ...)}, command
 * descriptions are imperatives, and no usage line is garbled ({@code GROUP[:GROUP...][:GROUP[:GROUP...]...]}).
 */
class CommandLineStyleTest {

    /** A fresh tree per use: executing a command line changes its state. */
    private static final Map<String, Supplier<CommandLine>> PROGRAMS = Map.of(
            "quiz", () -> QuizCommand.newCommandLine(new Terminal(InputStream.nullInputStream(), sink(), sink(), false)),
            "quiz-server", QuizServerMain::newCommandLine,
            "quiz-bench", () -> QuizBenchMain.newCommandLine(
                    new Terminal(InputStream.nullInputStream(), sink(), sink(), false)));

    static Stream<Arguments> commands() {
        List<Arguments> all = new ArrayList<>();
        for (Map.Entry<String, Supplier<CommandLine>> program : PROGRAMS.entrySet()) {
            walk(program.getKey(), program.getValue().get(), List.of(), all);
        }
        return all.stream();
    }

    private static void walk(String program, CommandLine command, List<String> path, List<Arguments> all) {
        all.add(Arguments.of(program, path));
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getKey());
            walk(program, sub.getValue(), subPath, all);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void help_whenAsked_thenPrintedWithExitZero(String program, List<String> path) {
        Run run = execute(program, path, "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Usage: "), run::toString);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void version_whenAsked_thenNamesTheProgramNettyTheTlsAndJava(String program, List<String> path) {
        Run run = execute(program, path, "--version");
        assertEquals(0, run.exitCode(), run::toString);
        String line = run.out().strip();
        assertEquals(1, line.lines().count(), run::toString);
        assertTrue(line.startsWith(program + " "), line);
        assertTrue(line.contains(", Netty 4."), line);
        assertTrue(line.contains(", BoringSSL (netty-tcnative ") || line.contains(", JDK TLS"), line);
        assertTrue(line.endsWith(", Java " + Runtime.version()), line);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void options_whenListed_thenDescribedInOneStyle(String program, List<String> path) {
        CommandLine command = find(program, path);
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            String name = program + " " + String.join(" ", path) + " " + option.longestName();
            String description = String.join(" ", option.description());
            assertFalse(description.isBlank(), name + " has no description");
            assertFalse(description.contains("Default:"), name + ": write defaults as (default: ...): " + description);
            assertEquals(count(description, "default:"), count(description, "(default: "),
                    name + ": write defaults as (default: ...): " + description);
            boolean takesValue = option.arity().max() > 0;
            if (takesValue && option.defaultValue() != null) {
                assertTrue(description.contains("(default: "), name + " does not show its default: " + description);
            }
            Iterable<String> candidates = option.completionCandidates();
            if (takesValue && candidates != null) {
                List<String> values = new ArrayList<>();
                candidates.forEach(values::add);
                assertTrue(description.contains("${COMPLETION-CANDIDATES}") || description.contains(String.join(", ", values)),
                        name + ": list the values with ${COMPLETION-CANDIDATES}: " + description);
                for (String value : values) {
                    assertEquals(value.toLowerCase(Locale.ROOT), value, name + ": values are written in lower case");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void usage_whenRendered_thenNoGarbledRepeatsAndAnImperativeDescription(String program, List<String> path) {
        CommandLine command = find(program, path);
        String usage = command.getUsageMessage(Ansi.OFF);
        for (String line : usage.lines().toList()) {
            assertFalse(line.contains("...]...]"), "garbled: " + line);
        }
        if (!path.isEmpty()) {
            String firstWord = command.getCommandSpec().usageMessage().description()[0].split(" ")[0];
            // "Creates", "Shows": the third person; the help of every command speaks in imperatives.
            assertFalse(firstWord.length() > 3 && firstWord.endsWith("s") && !firstWord.endsWith("ss"),
                    program + " " + path + " description starts with '" + firstWord + "': use the imperative");
        }
    }

    private static CommandLine find(String program, List<String> path) {
        CommandLine command = PROGRAMS.get(program).get();
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command;
    }

    private static Run execute(String program, List<String> path, String option) {
        CommandLine root = PROGRAMS.get(program).get();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(path);
        args.add(option);
        int exitCode = root.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static PrintStream sink() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private record Run(int exitCode, String out, String err) {
    }
}
