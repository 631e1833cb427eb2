package dev.tlsquiz.client.render;

import dev.tlsquiz.bank.AnswerForms;
import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.text.TerminalText;
import java.util.ArrayList;
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
            "                    (so do Ctrl-C, and Ctrl-D at an empty prompt)",
            "  Choices: answer a letter or a number (b or 2); where several are right, all of them",
            "  separated by commas (a,c). To answer the word quit or help itself, type \\quit or \\help.");

    private PromptText() {
    }

    /**
     * The prompt for {@code problem}, without a line end: the answer is typed after it. For a problem
     * with choices, the question and its choices are on the lines above ({@link #questionLine},
     * {@link #choiceLines}), and the prompt says how to choose.
     */
    public static String problemLine(Problem problem) {
        if (problem.format().hasChoices()) {
            String range = choiceRange(problem.choices().size());
            return problem.format() == AnswerFormat.SEVERAL_CHOICES
                    ? "your choices (" + range + ", such as a,c) = "
                    : "your choice (" + range + ") = ";
        }
        return questionLine(problem) + " = ";
    }

    /** The problem's number and text, on a line of their own above its choices. */
    public static String questionLine(Problem problem) {
        return "Problem " + problem.round() + "/" + problem.rounds() + "  " + TerminalText.sanitize(problem.text());
    }

    /** One line per choice, {@code a) Paris}, each sanitised: the choices are the server's text. */
    public static List<String> choiceLines(Problem problem) {
        List<String> lines = new ArrayList<>(problem.choices().size());
        for (int i = 0; i < problem.choices().size(); i++) {
            lines.add("  " + AnswerForms.label(i) + ") " + TerminalText.sanitize(problem.choices().get(i)));
        }
        return lines;
    }

    private static String choiceRange(int count) {
        return count == 1 ? "a" : "a-" + AnswerForms.label(Math.min(count, 26) - 1) + (count > 26 ? " or 1-" + count : "");
    }
}
