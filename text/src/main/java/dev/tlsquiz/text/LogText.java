package dev.tlsquiz.text;

/**
 * The one escaper for untrusted values written to a log: player names, a client's ERROR text,
 * certificate subjects, SNI, ALPN ids, file contents, addresses that a proxy reports.
 *
 * <p>Why: the server's log is read by people and parsed by tools as {@code key=value} pairs. A value
 * with a newline forges a whole log line; one with ANSI sequences re-colours or hides what an operator
 * sees; one with a space or {@code =} forges a key ({@code player=ada score=2000}). So a value goes
 * into a log line only through {@link #value}, which
 *
 * <ul>
 *   <li>escapes what {@link TerminalText} escapes (controls, bidirectional overrides, lone surrogates),
 *       and also the backslash ({@code \\}) and the double quote ({@code \"}), so that every escape in
 *       a log is unambiguous;</li>
 *   <li>quotes the value ({@code "two words"}) when it is empty or holds a space, {@code =} or a quote,
 *       so a parser always finds where it ends;</li>
 *   <li>cuts it after {@value #MAX_CHARS} characters, saying how many were left out, so that one peer
 *       cannot fill the log with one string.</li>
 * </ul>
 *
 * A value that needs none of this comes back unchanged: {@code ada} stays {@code ada}.
 */
public final class LogText {

    /** The most characters of one value that reach the log. */
    public static final int MAX_CHARS = 256;

    private LogText() {
    }

    /** {@code text}, escaped, quoted where needed and bounded, for a log line; null becomes {@code null}. */
    public static String value(CharSequence text) {
        if (text == null) {
            return "null";
        }
        int kept = Math.min(text.length(), MAX_CHARS);
        if (kept < text.length() && Character.isHighSurrogate(text.charAt(kept - 1))) {
            kept--;
        }
        StringBuilder out = new StringBuilder(kept + 8);
        boolean quote = text.length() == 0;
        for (int i = 0; i < kept; i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
                quote |= c == '"';
            } else if (Character.isHighSurrogate(c) && i + 1 < kept && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (TerminalText.isUnsafe(text, i)) {
                Escapes.appendEscape(c, out);
            } else {
                out.append(c);
                quote |= c == ' ' || c == '=' || Character.isSpaceChar(c);
            }
        }
        if (kept < text.length()) {
            out.append("…(").append(Counts.of(text.length() - kept, "more char")).append(')');
            quote = true;
        }
        return quote ? '"' + out.toString() + '"' : out.toString();
    }
}
