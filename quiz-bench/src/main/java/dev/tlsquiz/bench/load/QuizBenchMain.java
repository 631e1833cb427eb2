package dev.tlsquiz.bench.load;

import dev.tlsquiz.cli.UsageErrors;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.Terminal;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of {@code quiz-bench}, the load generator: a program of its own, so that the player's
 * client ({@code quiz}) carries neither its code nor HdrHistogram and jackson-databind. It connects
 * with the client's options ({@code ConnectOptions}, {@code TlsOptions}) and TLS setup.
 */
public final class QuizBenchMain {

    private QuizBenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system()));
    }

    /** Runs {@code quiz-bench} with no stdin and the given streams, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new Terminal(InputStream.nullInputStream(), out, err, false));
    }

    /** Runs {@code quiz-bench} on {@code terminal} and returns the exit code. */
    public static int run(String[] args, Terminal terminal) {
        int exitCode = newCommandLine(terminal).execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return exitCode;
    }

    /**
     * The command, talking through {@code terminal}; its help lists the exit codes, and a usage error
     * is one line and a pointer to {@code --help}.
     */
    static CommandLine newCommandLine(Terminal terminal) {
        CommandLine commandLine = new CommandLine(new BenchCommand(terminal));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(writer(terminal.out()));
        commandLine.setErr(writer(terminal.err()));
        commandLine.setParameterExceptionHandler(new UsageErrors("quiz-bench"));
        commandLine.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.helpList());
        return commandLine;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
