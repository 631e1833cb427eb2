package dev.tlsquiz.bank;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What every question has besides its answers.
 *
 * @param text what to show the player, formatting markers removed; for a GIFT "missing word" question
 *     (text after the answer block) the place of the answer is shown as {@code _____}
 * @param title the GIFT {@code ::title::}, or empty
 * @param category the GIFT {@code $CATEGORY:} in force (such as {@code math/easy}), or empty
 * @param generalFeedback the GIFT {@code ####} feedback, shown whatever the answer; or empty
 * @param timeLimitSeconds the bank's time limit for this question (the CSV column), or 0 for the
 *     server's default
 * @param position where the question starts in its file
 */
public record QuestionHeader(String text, String title, String category, String generalFeedback,
                             int timeLimitSeconds, SourcePosition position) {

    public QuestionHeader {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(generalFeedback, "generalFeedback");
        Objects.requireNonNull(position, "position");
        if (timeLimitSeconds < 0) {
            throw new IllegalArgumentException("timeLimitSeconds: " + timeLimitSeconds + " (expected: >= 0)");
        }
    }

    /** A header with only a text, for generated questions. */
    public static QuestionHeader of(String text) {
        return new QuestionHeader(text, "", "", "", 0, new SourcePosition(1, 1));
    }

    /** The bank's time limit, if it gives one. */
    public OptionalInt timeLimit() {
        return timeLimitSeconds == 0 ? OptionalInt.empty() : OptionalInt.of(timeLimitSeconds);
    }
}
