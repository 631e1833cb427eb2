package dev.tlsquiz.text;

/** The visible form of a character that must not reach a terminal or a log as it is. */
final class Escapes {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Escapes() {
    }

    /** {@code \xNN} below U+0100, {@code &#92;uNNNN} above. */
    static void appendEscape(char c, StringBuilder out) {
        if (c < 0x100) {
            out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        } else {
            out.append("\\u")
                    .append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                    .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        }
    }
}
