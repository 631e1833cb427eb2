package dev.tlsquiz.cli;

import dev.tlsquiz.text.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error as one line and a pointer, for every program here, instead of picocli's message
 * followed by the whole usage: {@code quiz: --port: 99999 (expected: 1..65535); see 'quiz play --help'}.
 * An unknown option or command gets the nearest name ({@link Suggestions}):
 * {@code quiz-server: unknown option '--prot' (did you mean '--port'?); see 'quiz-server serve --help'}.
 * The exit status is the failed command's {@code exitCodeOnInvalidInput} (2).
 *
 * <p>The line quotes what was typed, so it goes through {@link TerminalText}: a script may pass anything.
 */
public final class UsageErrors implements IParameterExceptionHandler {

    /** Picocli's own prefix for a value that did not convert, which the line replaces by the option's name. */
    private static final Pattern PICOCLI_INVALID_VALUE = Pattern.compile("^Invalid value for option '[^']*': ");

    /** Shows the line: by default on the failed command's stderr; a program may add an event of its own. */
    @FunctionalInterface
    public interface Report {

        /**
         * @param failed the command whose usage was wrong
         * @param line   the error and the pointer, already sanitised, without the program's name
         * @param args   the arguments the program ran with (after a default subcommand was put in front)
         */
        void show(CommandLine failed, String line, String[] args);
    }

    /** Longest description shown; the pointer follows it. */
    static final int MAX_DESCRIPTION_CHARS = 400;

    private final String program;
    private final Report report;

    /** Writes {@code PROGRAM: LINE} on the failed command's stderr, in its error colour. */
    public UsageErrors(String program) {
        this.program = Objects.requireNonNull(program, "program");
        this.report = this::writeLine;
    }

    /** Hands the line to {@code report} instead, which writes it (and may write more). */
    public UsageErrors(String program, Report report) {
        this.program = Objects.requireNonNull(program, "program");
        this.report = Objects.requireNonNull(report, "report");
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        report.show(failed, line(e), args);
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** {@code PROGRAM: LINE} on {@code failed}'s stderr. */
    public void writeLine(CommandLine failed, String line, String[] args) {
        PrintWriter err = failed.getErr();
        err.println(failed.getColorScheme().errorText(program + ": " + line));
        err.flush();
    }

    /** What went wrong and where to read more, sanitised: {@code --port: 99999 (...); see 'quiz play --help'}. */
    public static String line(ParameterException e) {
        return TerminalText.sanitize(shortened(describe(e))) + "; see '"
                + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'";
    }

    /** One line stays one screen line or two even when a script passed a megabyte as a value. */
    private static String shortened(String description) {
        return description.length() <= MAX_DESCRIPTION_CHARS ? description
                : description.substring(0, MAX_DESCRIPTION_CHARS) + "...";
    }

    /** The error alone, naming the option or argument it is about. */
    static String describe(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(e.getCommandLine().getCommandSpec(), unmatched.getUnmatched().get(0));
        }
        ArgSpec arg = e.getArgSpec();
        if (arg instanceof OptionSpec option) {
            if (e.getCause() instanceof TypeConversionException conversion) {
                return "invalid value for " + option.longestName() + ": " + conversion.getMessage();
            }
            String message = String.valueOf(e.getMessage());
            if (PICOCLI_INVALID_VALUE.matcher(message).find()) {
                return PICOCLI_INVALID_VALUE.matcher(message).replaceFirst("invalid value for " + option.longestName() + ": ");
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** An argument nothing took: an unknown option, an unknown command or an extra argument. */
    static String unmatched(CommandSpec spec, String typed) {
        // Every option here starts with a dash, and no command takes a value that does.
        if (typed.startsWith("-") && typed.length() > 1) {
            String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            return "unknown option '" + name + "'" + didYouMean(Suggestions.nearest(name, optionNames(spec)));
        }
        if (!spec.subcommands().isEmpty()) {
            return "unknown command '" + typed + "'"
                    + didYouMean(Suggestions.nearest(typed, spec.subcommands().keySet()));
        }
        return "unexpected argument '" + typed + "'";
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                names.addAll(List.of(option.names()));
            }
        }
        return names;
    }

    private static String didYouMean(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        return " (did you mean '" + String.join("' or '", suggestions) + "'?)";
    }
}
