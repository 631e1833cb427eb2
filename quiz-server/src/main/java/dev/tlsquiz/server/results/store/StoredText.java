package dev.tlsquiz.server.results.store;

/**
 * Text as the databases can hold it: PostgreSQL refuses U+0000 in a text value, and neither database
 * can keep half a surrogate pair in UTF-8. A player could send either in a name or an answer; left as
 * they are, such a game could never be saved and would be retried for ever. Both become U+FFFD, the
 * replacement character, in both dialects alike, so the two stores keep the same text.
 */
final class StoredText {

    static final char REPLACEMENT = '\uFFFD';

    private StoredText() {
    }

    /** {@code text} with NUL and lone surrogates replaced; null stays null. */
    static String of(String text) {
        if (text == null || isStorable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (c == 0 || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
