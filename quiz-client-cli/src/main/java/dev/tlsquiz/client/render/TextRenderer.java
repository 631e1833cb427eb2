package dev.tlsquiz.client.render;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.text.TerminalText;
import java.io.PrintStream;

/**
 * The human-readable output: a header after WELCOME, a prompt per problem, one line per verdict
 * and a summary table. Diagnostics and failures go to stderr so that stdout stays the game.
 *
 * <p>Every string the server chose (names, problem text, choices, expected answers, error texts
 * quoted in failures) and every scripted answer passes through {@link TerminalText} on its way out:
 * a hostile server, or an impostor trusted on first use, must not be able to clear the screen,
 * set the title, write the clipboard or forge a verdict line with control characters.
 */
final class TextRenderer implements SessionRenderer {

    private static final String UNVERIFIED_MARKER = "~";

    private static final String GREEN = "\u001B[32m";
    private static final String RED = "\u001B[31m";
    private static final String YELLOW = "\u001B[33m";
    private static final String RESET = "\u001B[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean colour;
    private final boolean editorPrompts;
    /** A prompt was printed without a line end; whatever comes next must start a new line. */
    private boolean promptOpen;

    /**
     * @param colour        whether verdicts are coloured (stdout is a terminal and NO_COLOR is unset)
     * @param editorPrompts whether a line editor draws the prompts, so that this prints none
     */
    TextRenderer(PrintStream out, PrintStream err, boolean colour, boolean editorPrompts) {
        this.out = out;
        this.err = err;
        this.colour = colour;
        this.editorPrompts = editorPrompts;
    }

    @Override
    public void welcome(Welcome welcome, boolean nameVerified) {
        out.println("Welcome, " + shown(welcome.playerName()) + "! " + nameNote(welcome, nameVerified) + welcome.rounds()
                + (welcome.rounds() == 1 ? " round, " : " rounds, ")
                + Formats.seconds(welcome.timeLimitMillis()) + " per problem"
                + " (server " + shown(welcome.serverName()) + ")");
        out.flush();
    }

    /** Says where the name comes from when it is not simply the one the player chose. */
    private static String nameNote(Welcome welcome, boolean nameVerified) {
        if (nameVerified) {
            return "(name verified by your certificate) ";
        }
        // A server that names players after their certificates marks every other name (PROTOCOL.md, WELCOME).
        return welcome.playerName().startsWith(UNVERIFIED_MARKER)
                ? "(" + UNVERIFIED_MARKER + " marks an unverified name; --cert and --key verify yours) " : "";
    }

    @Override
    public void problem(Problem problem) {
        closePrompt();
        if (problem.format().hasChoices()) {
            out.println(PromptText.questionLine(problem));
            PromptText.choiceLines(problem).forEach(out::println);
        }
        if (editorPrompts) {
            out.flush();
        } else {
            prompt(PromptText.problemLine(problem));
        }
    }

    @Override
    public void reprompt(Problem problem, String reason) {
        closePrompt();
        out.println("  " + shown(reason));
        if (editorPrompts) {
            out.flush();
        } else {
            // The problem's line is still on the screen just above.
            prompt(PromptText.SHORT);
        }
    }

    @Override
    public void help() {
        closePrompt();
        PromptText.HELP.forEach(out::println);
        if (!editorPrompts) {
            prompt(PromptText.SHORT);
        }
        out.flush();
    }

    @Override
    public void lineTyped() {
        // The terminal echoed the line and its Enter; the cursor is already on a new line.
        promptOpen = false;
    }

    @Override
    public void answerSent(Problem problem, String answer, boolean typed) {
        if (typed) {
            return;
        }
        out.println(shown(answer));
        out.flush();
        promptOpen = false;
    }

    @Override
    public void cannotAnswer(Problem problem, String reason) {
        closePrompt();
        out.println("  " + shown(reason));
        out.flush();
    }

    @Override
    public void verdict(Verdict verdict, Problem problem, String answer) {
        closePrompt();
        String score = "(score " + Formats.grouped(verdict.score()) + ")";
        out.println(switch (verdict.outcome()) {
            case CORRECT -> coloured(GREEN, "\u2713 correct") + "  +" + Formats.grouped(verdict.points()) + " points "
                    + score;
            case WRONG -> coloured(RED, "\u2717 wrong") + ", expected " + shown(verdict.expected()) + " " + score;
            case TIMEOUT -> coloured(YELLOW, "\u23F1 time's up") + ", expected " + shown(verdict.expected()) + " "
                    + score;
        });
        if (!verdict.feedback().isEmpty()) {
            // The question author's words about the answer given: the server's text like any other.
            out.println("  " + shown(verdict.feedback()));
        }
        out.flush();
    }

    @Override
    public void summary(SessionSummary summary) {
        closePrompt();
        out.println();
        out.println(summary.partial() ? "Summary (so far: the session was cut off)" : "Summary");
        row("correct", Integer.toString(summary.correct()));
        row("answered", Integer.toString(summary.answered()));
        row("total", Integer.toString(summary.total()));
        row("score", Formats.grouped(summary.score()));
        row("accuracy", summary.accuracyPercent().isPresent()
                ? Formats.percent(summary.accuracyPercent().getAsDouble()) + " of answered" : "- (nothing answered)");
        row("best streak", Integer.toString(summary.bestStreak()));
        row("avg answer", summary.averageAnswerMillis().isPresent()
                ? Formats.duration(summary.averageAnswerMillis().getAsLong()) : "-");
        row("duration", Formats.duration(summary.durationMillis()));
        out.flush();
    }

    private void row(String name, String value) {
        out.println(String.format("  %-11s %s", name, value));
    }

    private String coloured(String colourCode, String text) {
        return colour ? colourCode + text + RESET : text;
    }

    @Override
    public void failure(ClientFailure failure) {
        closePrompt();
        err.println("quiz: " + shown(failure.getMessage()));
        err.flush();
    }

    @Override
    public void notice(String line) {
        closePrompt();
        err.println(shown(line));
        err.flush();
    }

    private void prompt(String prompt) {
        out.print(prompt);
        out.flush();
        promptOpen = true;
    }

    /** {@code text} as it may reach the terminal: one line, every control character a visible escape. */
    private static String shown(String text) {
        return TerminalText.sanitize(text);
    }

    /** Ends an open prompt's line, so that the next line (the room view's too) starts on its own. */
    void closePrompt() {
        if (promptOpen) {
            out.println();
            out.flush();
            promptOpen = false;
        }
    }
}
