package dev.tlsquiz.client.play;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Solves the server's arithmetic problems, {@code A op B} with integer operands, for
 * {@code --auto}, and recognizes them so interactive play can insist on a whole number.
 *
 * <p>Operators: {@code +}, {@code -}, {@code ×} (U+00D7, also {@code *} and {@code x}) and
 * {@code ÷} (U+00F7, also {@code /}). Arithmetic is on {@code long} and fails rather than
 * overflowing; a division must be exact because every answer is a whole number.
 */
public final class ArithmeticSolver {

    private static final Pattern EXPRESSION = Pattern.compile(
            "\\s*([-\u2212]?\\d{1,18})\\s*([-+\u00D7\u00F7*/xX\u2212])\\s*([-\u2212]?\\d{1,18})\\s*(?:=\\s*\\??)?\\s*");

    /** One parsed problem. */
    public record Expression(long left, char operator, long right) {

        /**
         * The value of the expression.
         *
         * @throws ArithmeticException on overflow, division by zero or an inexact division
         */
        public long evaluate() {
            return switch (operator) {
                case '+' -> Math.addExact(left, right);
                case '-' -> Math.subtractExact(left, right);
                case '*' -> Math.multiplyExact(left, right);
                case '/' -> divideExactly(left, right);
                default -> throw new IllegalStateException("operator: " + operator);
            };
        }

        private static long divideExactly(long dividend, long divisor) {
            if (divisor == 0) {
                throw new ArithmeticException("division by zero");
            }
            if (dividend % divisor != 0) {
                throw new ArithmeticException(dividend + " is not a multiple of " + divisor);
            }
            if (dividend == Long.MIN_VALUE && divisor == -1) {
                throw new ArithmeticException("long overflow");
            }
            return dividend / divisor;
        }
    }

    private ArithmeticSolver() {
    }

    /**
     * Parses {@code text} as {@code A op B}.
     *
     * @return the expression with its operator normalized to one of {@code + - * /}, or empty when
     *         the text is not in that form
     */
    public static Optional<Expression> parse(String text) {
        Matcher matcher = EXPRESSION.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Expression(number(matcher.group(1)),
                    normalize(matcher.group(2).charAt(0)), number(matcher.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is an arithmetic problem this solver understands. */
    public static boolean isArithmetic(String text) {
        return parse(text).isPresent();
    }

    /**
     * The answer to {@code text}.
     *
     * @throws IllegalArgumentException with a message naming the problem when it cannot be
     *                                  parsed or has no whole-number answer
     */
    public static long solve(String text) {
        Expression expression = parse(text).orElseThrow(() -> new IllegalArgumentException(
                "cannot solve '" + text + "': expected 'A op B' with whole numbers and one of + - × ÷"));
        try {
            return expression.evaluate();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("cannot solve '" + text + "': " + e.getMessage(), e);
        }
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace('\u2212', '-'));
    }

    private static char normalize(char operator) {
        return switch (operator) {
            case '+' -> '+';
            case '-', '\u2212' -> '-';
            case '\u00D7', '*', 'x', 'X' -> '*';
            case '\u00F7', '/' -> '/';
            default -> throw new IllegalArgumentException("operator: " + operator);
        };
    }
}
