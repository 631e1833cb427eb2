package dev.tlsquiz.client.play;

import dev.tlsquiz.client.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Where a player's answers come from, as {@code --auto} and {@code --answers} choose it. {@code quiz play}
 * and {@code quiz join} declare those two options each (their help words them for the command) and
 * choose here, so that both read answers the same way.
 *
 * @param mode         who answers
 * @param lines        the answer lines, or {@code null} with {@link AnswerMode#AUTO}
 * @param fromTerminal whether {@code lines} is the terminal's stdin (not a file this command opened)
 */
public record AnswerSource(AnswerMode mode, InputStream lines, boolean fromTerminal) {

    /** A usage message when {@code --auto} and {@code --answers} were both given, else {@code null}. */
    public static String conflict(boolean auto, String answers) {
        return auto && answers != null
                ? "--auto and --answers exclude each other: let the client solve, or give the answers" : null;
    }

    /**
     * The source the options choose: the solver, a file, the person at the terminal, or stdin as a script.
     *
     * @throws ParameterException when the {@code --answers} file cannot be opened
     */
    public static AnswerSource choose(boolean auto, String answers, Terminal terminal, CommandLine commandLine) {
        if (auto) {
            return new AnswerSource(AnswerMode.AUTO, null, false);
        }
        if (answers != null && !answers.equals("-")) {
            return new AnswerSource(AnswerMode.SCRIPTED, open(Path.of(answers), commandLine), false);
        }
        if (answers == null && terminal.interactive()) {
            return new AnswerSource(AnswerMode.INTERACTIVE, terminal.in(), true);
        }
        // "--answers -", or stdin is a pipe or file: a script of answers.
        return new AnswerSource(AnswerMode.SCRIPTED, terminal.in(), true);
    }

    private static InputStream open(Path file, CommandLine commandLine) {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ParameterException(commandLine, "--answers: no such file: " + file);
        } catch (IOException e) {
            throw new ParameterException(commandLine, "--answers: cannot read " + file + ": " + e.getMessage());
        }
    }
}
