package dev.tlsquiz.server.quiz;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a player's answer is right. An answer is never a protocol error: anything the
 * player typed that does not match is simply wrong.
 *
 * <p>When the expected answer is an integer, the answer is compared by value: surrounding
 * whitespace is ignored, an optional leading {@code +} or {@code -} is accepted, and leading zeros
 * are accepted ({@code "0042"} equals {@code 42}, {@code "-0"} equals {@code 0}), because a player
 * who typed the right number has the right answer. Anything else ({@code "42.0"}, {@code "4 2"},
 * {@code "forty-two"}) is wrong. Other expected answers (such as a multiple-choice option) are
 * compared as text, trimmed and ignoring case.
 */
public final class AnswerJudge {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private AnswerJudge() {
    }

    /** Whether {@code answer} is a right answer to {@code question}. */
    public static boolean isCorrect(Question question, String answer) {
        String expected = question.expectedAnswer().trim();
        String given = answer.trim();
        if (INTEGER.matcher(expected).matches()) {
            // BigInteger: an answer of any length parses, and a huge one is just wrong.
            return INTEGER.matcher(given).matches()
                    && new BigInteger(given).equals(new BigInteger(expected));
        }
        return given.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    }
}
