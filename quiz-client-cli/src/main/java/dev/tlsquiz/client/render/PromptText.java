package dev.tlsquiz.client.render;

import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.text.TerminalText;
import java.util.List;

/** The prompts and the command list of interactive play, shared by the renderers and the line editor. */
public final class PromptText {

    /** The prompt after input that was not an answer: the problem's line is already on the screen. */
    public static final String SHORT = "  = ";

    /** What {@code help} (or {@code ?}) shows: every word the prompt understands besides an answer. */
    public static final List<String> HELP = List.of(
            "  Type your answer and press Enter. Commands:",
            "    help, ?         show this list",
            "    quit, q, exit   end the session and show the summary",
            "                    (so do Ctrl-C, and Ctrl-D at an empty prompt)");

    private PromptText() {
    }

    /** The prompt for {@code problem}, without a line end: the answer is typed after it. */
    public static String problemLine(Problem problem) {
        return "Problem " + problem.round() + "/" + problem.rounds() + "  " + TerminalText.sanitize(problem.text())
                + " = ";
    }
}
