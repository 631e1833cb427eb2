package dev.tlsquiz.bank;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The forms an answer text takes for each {@link AnswerFormat}, shared by the judge (server) and the
 * local check before sending (client), so both refuse the same texts with the same words.
 *
 * <ul>
 *   <li>Choices: a letter ({@code a}, case ignored) or a 1-based number ({@code 2}); for several choices,
 *       several separated by commas, in any order, spaces allowed ({@code a, c} or {@code 3,1}). A
 *       choice named twice ({@code a,a} or {@code a,1}) is refused, as is an empty item.</li>
 *   <li>Numbers: an optional sign, digits, and a decimal part after a dot ({@code -3.14}, {@code .5}).
 *       A decimal comma ({@code 3,14}) is refused with a hint rather than guessed, because {@code 1,000}
 *       would be ambiguous; exponents are refused too (a 3-character {@code 1e9999999} must not make the
 *       server compute with huge numbers).</li>
 *   <li>Integers: an optional sign and digits.</li>
 *   <li>Text: anything that is not blank.</li>
 * </ul>
 *
 * Every text is trimmed first.
 */
public final class AnswerForms {

    /** Longer numbers are refused: no bank needs them, and they would only cost the judge time. */
    static final int MAX_NUMBER_CHARS = 64;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?[0-9]*,[0-9]+");

    private AnswerForms() {
    }

    /**
     * Why {@code text} is not an answer of {@code format}, as one line for the player; empty when it is.
     *
     * @param choiceCount the number of choices (ignored unless the format is a choice)
     */
    public static Optional<String> problem(AnswerFormat format, int choiceCount, String text) {
        try {
            switch (format) {
                case INTEGER -> parseInteger(text);
                case NUMBER -> parseNumber(text);
                case ONE_CHOICE -> parseChoices(text, choiceCount, false);
                case SEVERAL_CHOICES -> parseChoices(text, choiceCount, true);
                case TEXT -> parseText(text);
            }
            return Optional.empty();
        } catch (NotAnAnswerException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The 0-based indexes of the chosen choices, in ascending order.
     *
     * @param several whether more than one choice may be named
     */
    public static SortedSet<Integer> parseChoices(String text, int choiceCount, boolean several)
            throws NotAnAnswerException {
        String how = several
                ? "answer letters " + range(choiceCount) + " or numbers separated by commas, such as a,c"
                : "answer one letter " + range(choiceCount) + " or a number 1-" + choiceCount;
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new NotAnAnswerException("no answer: " + how);
        }
        String[] items = trimmed.split(",", -1);
        if (!several && items.length > 1) {
            throw new NotAnAnswerException("choose exactly one: " + how);
        }
        SortedSet<Integer> chosen = new TreeSet<>();
        for (String raw : items) {
            String item = raw.trim();
            int index = choiceIndex(item, choiceCount, how);
            if (!chosen.add(index)) {
                throw new NotAnAnswerException("'" + item + "' names a choice already given: " + how);
            }
        }
        return Collections.unmodifiableSortedSet(chosen);
    }

    /** A decimal number; see the class comment for the form. */
    public static BigDecimal parseNumber(String text) throws NotAnAnswerException {
        String trimmed = text.trim();
        if (trimmed.length() <= MAX_NUMBER_CHARS && DECIMAL.matcher(trimmed).matches()) {
            return new BigDecimal(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
        }
        if (trimmed.length() <= MAX_NUMBER_CHARS && DECIMAL_COMMA.matcher(trimmed).matches()) {
            throw new NotAnAnswerException("use a dot for decimals: " + trimmed.replace(',', '.'));
        }
        throw new NotAnAnswerException("not a number: answer digits with an optional sign and decimal dot, such as -3.14");
    }

    /** A whole number; see the class comment for the form. */
    public static BigInteger parseInteger(String text) throws NotAnAnswerException {
        String trimmed = text.trim();
        if (trimmed.length() <= MAX_NUMBER_CHARS && INTEGER.matcher(trimmed).matches()) {
            return new BigInteger(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
        }
        throw new NotAnAnswerException("not a whole number: answer digits with an optional sign, such as -12");
    }

    /** The trimmed text; a blank one is not an answer. */
    public static String parseText(String text) throws NotAnAnswerException {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new NotAnAnswerException("no answer: type the answer");
        }
        return trimmed;
    }

    /** The letter of the 0-based choice {@code index}: {@code a} for 0; past {@code z}, the number. */
    public static String label(int index) {
        return index < 26 ? String.valueOf((char) ('a' + index)) : String.valueOf(index + 1);
    }

    private static int choiceIndex(String item, int choiceCount, String how) throws NotAnAnswerException {
        if (item.isEmpty()) {
            throw new NotAnAnswerException("an empty choice: " + how);
        }
        int index = -1;
        if (item.length() == 1 && Character.isLetter(item.charAt(0)) && item.charAt(0) < 128) {
            index = Character.toLowerCase(item.charAt(0)) - 'a';
        } else if (item.length() <= 3 && item.chars().allMatch(c -> c >= '0' && c <= '9')) {
            index = Integer.parseInt(item) - 1;
        }
        if (index < 0 || index >= choiceCount) {
            throw new NotAnAnswerException("'" + Quoted.shorten(item) + "' is not a choice: " + how);
        }
        return index;
    }

    private static String range(int choiceCount) {
        return choiceCount <= 1 ? "a" : "a-" + label(Math.min(choiceCount, 26) - 1);
    }
}
