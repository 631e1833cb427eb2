package dev.tlsquiz.client;

import dev.tlsquiz.cli.DefaultSubcommand;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;

/** Entry point of the {@code quiz} command. */
public final class QuizMain {

    /** The subcommand that became {@code quiz-bench}. */
    private static final String MOVED_BENCH = "bench";

    private QuizMain() {
    }

    public static void main(String[] args) {
        // First: whichever thread logs first starts logging, with this provider.
        ClientLogProvider.select(System.getProperties());
        if (QuizCommand.reachable(args).equals(List.of(QuizCommand.DEFAULT_SUBCOMMAND))) {
            // A session is coming: its TLS set-up starts now, beside the parsing of the command line.
            StartupWarmup.start(args);
        }
        System.exit(run(args, Terminal.system()));
    }

    /** Runs {@code quiz} on the process's streams and returns the exit code. */
    public static int run(String[] args) {
        return run(args, Terminal.system());
    }

    /**
     * Runs {@code quiz} on the given streams, treating {@code in} as a script of answers (not a
     * terminal), and returns the exit code.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, new Terminal(in, out, err, false));
    }

    /** Runs {@code quiz} on {@code terminal} and returns the exit code. */
    public static int run(String[] args, Terminal terminal) {
        if (args.length > 0 && args[0].equals(MOVED_BENCH)) {
            // scripts/quiz hands 'bench' to scripts/quiz-bench; only the jar run by hand gets here.
            terminal.err().println("quiz: the load generator is a program of its own now: run scripts/quiz-bench"
                    + " (or java -jar quiz-bench/target/quiz-bench-*-all.jar) with the same options;"
                    + " scripts/quiz bench ... runs it for you");
            terminal.err().flush();
            return ExitCodes.USAGE;
        }
        CommandLine commandLine = QuizCommand.newCommandLine(terminal, args);
        int exitCode = DefaultSubcommand.execute(commandLine, QuizCommand.DEFAULT_SUBCOMMAND, args);
        terminal.out().flush();
        terminal.err().flush();
        return exitCode;
    }
}
