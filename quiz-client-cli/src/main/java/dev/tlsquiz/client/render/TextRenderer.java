package dev.tlsquiz.client.render;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.text.TerminalText;
import java.io.PrintStream;
import java.util.List;

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

    private final PrintStream out;
    private final PrintStream err;
    /** A prompt was printed without a line end; whatever comes next must start a new line. */
    private boolean promptOpen;

    TextRenderer(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
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
        if (!problem.choices().isEmpty()) {
            out.println("  choices: " + String.join(" | ", shown(problem.choices())));
        }
        prompt(problem);
    }

    @Override
    public void reprompt(Problem problem, String reason) {
        closePrompt();
        out.println("  " + shown(reason));
        prompt(problem);
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
    public void verdict(Verdict verdict, Problem problem, String answer) {
        closePrompt();
        String score = "(score " + Formats.grouped(verdict.score()) + ")";
        out.println(switch (verdict.outcome()) {
            case CORRECT -> "\u2713 correct  +" + Formats.grouped(verdict.points()) + " points " + score;
            case WRONG -> "\u2717 wrong, expected " + shown(verdict.expected()) + " " + score;
            case TIMEOUT -> "\u23F1 time's up, expected " + shown(verdict.expected()) + " " + score;
        });
        out.flush();
    }

    @Override
    public void summary(Summary summary) {
        closePrompt();
        out.println();
        out.println("Summary");
        out.println(String.format("  %-10s %s", "correct", summary.correct()));
        out.println(String.format("  %-10s %s", "answered", summary.answered()));
        out.println(String.format("  %-10s %s", "total", summary.total()));
        out.println(String.format("  %-10s %s", "score", Formats.grouped(summary.score())));
        out.println(String.format("  %-10s %s", "duration", Formats.duration(summary.durationMillis())));
        out.flush();
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

    private void prompt(Problem problem) {
        out.print(promptLine(problem));
        out.flush();
        promptOpen = true;
    }

    /** The prompt for {@code problem}, without a line end: the answer is typed after it. */
    static String promptLine(Problem problem) {
        return "Problem " + problem.round() + "/" + problem.rounds() + "  " + shown(problem.text()) + " = ";
    }

    /** {@code text} as it may reach the terminal: one line, every control character a visible escape. */
    private static String shown(String text) {
        return TerminalText.sanitize(text);
    }

    private static List<String> shown(List<String> texts) {
        return texts.stream().map(TextRenderer::shown).toList();
    }

    private void closePrompt() {
        if (promptOpen) {
            out.println();
            out.flush();
            promptOpen = false;
        }
    }
}
