package dev.tlsquiz.bank;

/**
 * How a question is answered: what a client shows and what it checks locally before sending.
 *
 * <ul>
 *   <li>{@link #INTEGER}: a whole number, such as {@code -12} (the arithmetic generator);</li>
 *   <li>{@link #NUMBER}: a decimal number with a dot, such as {@code 3.14};</li>
 *   <li>{@link #ONE_CHOICE}: one letter ({@code b}) or one 1-based number ({@code 2});</li>
 *   <li>{@link #SEVERAL_CHOICES}: letters or numbers separated by commas ({@code a,c} or {@code 1, 3});</li>
 *   <li>{@link #TEXT}: free text, compared trimmed and ignoring case.</li>
 * </ul>
 *
 * {@link AnswerForms#check} says whether a text has the form a format expects.
 */
public enum AnswerFormat {
    INTEGER,
    NUMBER,
    ONE_CHOICE,
    SEVERAL_CHOICES,
    TEXT
}
