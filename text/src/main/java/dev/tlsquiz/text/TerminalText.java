package dev.tlsquiz.text;

/**
 * The one sanitiser for untrusted text shown on a terminal: certificate names, strings a server or a
 * client sent, error texts, file contents.
 *
 * <p>Why: a terminal obeys the control characters in what it prints. A peer that can put ESC, CSI or
 * OSC sequences in front of a user can clear the screen, hide text (SGR 8), redraw a prompt with other
 * fingerprints, set the window title or write the clipboard (OSC 52); bidirectional overrides reorder
 * what the user reads. Every such character becomes a visible escape instead, so the user sees that it
 * was there and the terminal never acts on it:
 *
 * <ul>
 *   <li>C0 controls (U+0000..U+001F, including newline and tab), DEL (U+007F) and C1 controls
 *       (U+0080..U+009F): {@code \x1b}, {@code \x0a}, {@code \x9b};</li>
 *   <li>line and paragraph separators and the bidirectional controls (U+061C, U+200E, U+200F,
 *       U+2028..U+202E, U+2066..U+2069): {@code &#92;u202e};</li>
 *   <li>a lone surrogate: {@code &#92;ud800}.</li>
 * </ul>
 *
 * Everything else, including non-ASCII letters and emoji (with their joiners), is kept as it is. The
 * result is always one line. JSON output does not need this class: its writer escapes controls itself.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code text} with every character a terminal could act on replaced by a visible escape; null stays null. */
    public static String sanitize(CharSequence text) {
        if (text == null) {
            return null;
        }
        int firstUnsafe = firstUnsafe(text);
        if (firstUnsafe < 0) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, firstUnsafe);
        appendEscaped(text, firstUnsafe, out);
        return out.toString();
    }

    /** Whether {@code text} holds nothing that {@link #sanitize} would change. */
    public static boolean isSafe(CharSequence text) {
        return text == null || firstUnsafe(text) < 0;
    }

    private static int firstUnsafe(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private static void appendEscaped(CharSequence text, int from, StringBuilder out) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (isUnsafe(text, i)) {
                Escapes.appendEscape(c, out);
            } else {
                out.append(c);
            }
        }
    }

    /** Whether the char at {@code i} is one a terminal could act on (a lone surrogate counts). */
    static boolean isUnsafe(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return isControlOrOverride(c);
    }

    /** C0, DEL, C1, line and paragraph separators, bidirectional marks, embeddings, overrides and isolates. */
    static boolean isControlOrOverride(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == '\u061c'
                || c == '\u200e' || c == '\u200f'
                || (c >= '\u2028' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
