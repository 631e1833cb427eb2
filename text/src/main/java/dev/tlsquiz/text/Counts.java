package dev.tlsquiz.text;

/**
 * A number with its noun, singular or plural as the number wants: {@code 1 session}, {@code 0 sessions},
 * {@code 3 revoked certificates}. The one place the server and the client agree on this, so that an
 * operator never reads {@code 1 sessions} or {@code certificate(s)}.
 *
 * <p>English only: one is singular, every other number (zero too) is plural.
 */
public final class Counts {

    private Counts() {
    }

    /** {@code count} and {@code singular}, with an {@code s} appended unless the count is one. */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    /** {@code count} and {@code singular} or {@code plural}, for nouns that do not just take an {@code s}. */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
