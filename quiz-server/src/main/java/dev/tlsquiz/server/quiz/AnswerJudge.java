package dev.tlsquiz.server.quiz;

import java.util.Locale;

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

    private AnswerJudge() {
    }

    /** Whether {@code answer} is a right answer to {@code question}. */
    public static boolean isCorrect(Question question, String answer) {
        String expected = question.expectedAnswer().trim();
        String given = answer.trim();
        if (isInteger(expected)) {
            return isInteger(given) && sameInteger(given, expected);
        }
        return given.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    }

    /** {@code [+-]?[0-9]+}, ASCII digits only. Checked by hand: this runs for every answer. */
    private static boolean isInteger(String text) {
        int first = signLength(text);
        if (first == text.length()) {
            return false;
        }
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Two integers equal by value, compared as digits rather than parsed: an answer of any length
     * is just wrong, never an overflow.
     */
    private static boolean sameInteger(String a, String b) {
        int aStart = firstSignificantDigit(a);
        int bStart = firstSignificantDigit(b);
        int length = a.length() - aStart;
        if (length != b.length() - bStart || !a.regionMatches(aStart, b, bStart, length)) {
            return false;
        }
        // Zero has no sign: "-0", "+0" and "0" are the same number.
        return length == 0 || isNegative(a) == isNegative(b);
    }

    private static int firstSignificantDigit(String integer) {
        int i = signLength(integer);
        while (i < integer.length() && integer.charAt(i) == '0') {
            i++;
        }
        return i;
    }

    private static int signLength(String text) {
        return !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    }

    private static boolean isNegative(String integer) {
        return integer.charAt(0) == '-';
    }
}
