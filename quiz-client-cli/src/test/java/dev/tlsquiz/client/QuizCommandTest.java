package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.cli.DefaultSubcommand;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.WatchedOutput;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class QuizCommandTest {

    private static final Set<String> SUBCOMMANDS = Set.of("play", "help");

    @TempDir
    Path dir;

    @Test
    void help_whenAsked_thenListsSubcommandsAndExitCodes() {
        ClientResult result = Clients.run("--help");
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertTrue(result.out().contains("play"), result.out());
        assertTrue(result.out().contains("Exit codes:"), result.out());
        assertTrue(result.out().contains("could not connect"), result.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help"})
    void help_whenAsked_thenListsEverySubcommand(String argument) {
        ClientResult result = Clients.run(argument);
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        for (String subcommand : QuizCommand.SUBCOMMANDS) {
            assertTrue(result.out().contains("\n  " + subcommand + " "), subcommand + " missing in:\n" + result.out());
        }
    }

    @Test
    void subcommands_whenTreeComplete_thenMatchTheNamesMainChoosesBy() {
        assertEquals(QuizCommand.SUBCOMMANDS,
                QuizCommand.newCommandLine(new Terminal(InputStream.nullInputStream(), System.out, System.err, false))
                        .getSubcommands().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--auto", "--port=70000 --auto", "play", "play --auto", "play --help",
        "play -V", "known-hosts", "known-hosts list --help", "known-hosts remove"})
    void reachable_whenArgsStartWithASubcommandOrAnOption_thenOnlyThatSubcommandIsBuilt(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        String expected = args.length > 0 && QuizCommand.SUBCOMMANDS.contains(args[0]) ? args[0] : "play";
        assertEquals(List.of(expected), QuizCommand.reachable(args));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "--version", "-V", "help", "help play", "plya", "known-host list"})
    void reachable_whenHelpVersionOrAMistypedCommand_thenTheWholeTreeIsBuilt(String line) {
        assertEquals(QuizCommand.SUBCOMMAND_NAMES, QuizCommand.reachable(line.split(" ")));
    }

    /** The tree built for the arguments answers them exactly as the complete tree does. */
    @ParameterizedTest
    @ValueSource(strings = {"--help", "help play", "plya", "play --help", "play -V", "--auto --no-such-option",
        "--auto --hots=x", "--output=json --port=70000", "play known-hosts", "play --auto extra",
        "known-hosts --help", "known-hosts list --help", "known-hosts nope", "known-hosts remove", "--version"})
    void newCommandLine_whenBuiltForTheArguments_thenAnswersAsTheCompleteTree(String line) {
        String[] args = line.split(" ");
        assertEquals(runOn(QuizCommand::newCommandLine, args), runOn(t -> QuizCommand.newCommandLine(t, args), args));
    }

    private static ClientResult runOn(Function<Terminal, CommandLine> tree, String... args) {
        WatchedOutput out = new WatchedOutput();
        WatchedOutput err = new WatchedOutput();
        Terminal terminal = new Terminal(InputStream.nullInputStream(), out.printStream(), err.printStream(), false);
        int exitCode = DefaultSubcommand.execute(tree.apply(terminal), QuizCommand.DEFAULT_SUBCOMMAND, args);
        terminal.out().flush();
        terminal.err().flush();
        return new ClientResult(exitCode, out.text(), err.text());
    }

    @Test
    void help_whenAskedForPlay_thenShowsItsOptionsAndExitCodes() {
        ClientResult result = Clients.run("play", "--help");
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        for (String option : new String[] {"--host", "--port", "--connect-timeout", "--cafile", "--pin",
            "--known-hosts", "--cert", "--key", "--tls-provider", "--tls-min", "--name", "--rounds",
            "--answers", "--auto", "--output", "--verbose", "Exit codes:"}) {
            assertTrue(result.out().contains(option), option + " missing in:\n" + result.out());
        }
    }

    @Test
    void version_whenAsked_thenPrintsAVersion() {
        ClientResult result = Clients.run("--version");
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("quiz "), result.out());
    }

    @Test
    void run_whenBench_thenPointsToQuizBench() {
        ClientResult result = Clients.run("bench", "--scenario", "handshakes");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("scripts/quiz-bench"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void defaultToPlay_whenFirstArgumentIsNoSubcommand_thenPrependsPlay() {
        assertArrayEquals(new String[] {"play", "--auto"}, DefaultSubcommand.apply("play", SUBCOMMANDS, "--auto"));
        assertArrayEquals(new String[] {"play"}, DefaultSubcommand.apply("play", SUBCOMMANDS));
        assertArrayEquals(new String[] {"play", "--auto"}, DefaultSubcommand.apply("play", SUBCOMMANDS, "play", "--auto"));
        assertArrayEquals(new String[] {"--version"}, DefaultSubcommand.apply("play", SUBCOMMANDS, "--version"));
        assertArrayEquals(new String[] {"help", "play"}, DefaultSubcommand.apply("play", SUBCOMMANDS, "help", "play"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--no-such-option",
        "--port=70000",
        "--port=many",
        "--connect-timeout=soon",
        "--pin=SHA256:abc",
        "--tls-min=1.1",
        "--tls-provider=gnutls",
        "--output=xml",
        "--rounds=0",
        "--name=",
    })
    void run_whenUsageIsWrong_thenExitsWithOneLineAndAPointer(String argument) {
        ClientResult result = Clients.run("--auto", argument);
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("quiz: "), result.err());
        assertTrue(result.err().endsWith("; see 'quiz play --help'\n"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertEquals("", result.out());
    }

    @Test
    void run_whenCertWithoutKey_thenExitsWithUsageError() {
        ClientResult result = Clients.run("--auto", "--cert", dir.resolve("me.pem").toString());
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("--cert and --key go together"), result.err());
    }

    @Test
    void run_whenAutoAndAnswers_thenExitsWithUsageError() {
        ClientResult result = Clients.run("--auto", "--answers", "-");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("--auto and --answers"), result.err());
    }

    @Test
    void run_whenAnswersFileMissing_thenExitsWithUsageError() {
        ClientResult result = Clients.run("--answers", dir.resolve("missing.txt").toString());
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("no such file"), result.err());
    }
}
