package dev.tlsquiz.bank;

/**
 * One question's worth of a GIFT file: its lines up to the next blank line, comment lines left out, with
 * the file offset of every character so that errors point into the file. All scanning is iterative: no
 * method recurses, whatever the file holds (a thousand nested braces are one error, not a deep stack).
 */
final class GiftChunk {

    private final String text;
    private final int[] offsets;
    private final LineIndex lines;

    GiftChunk(String text, int[] offsets, LineIndex lines) {
        this.text = text;
        this.offsets = offsets;
        this.lines = lines;
    }

    int length() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    /** Where character {@code i} (or the end of the chunk, for {@code i == length()}) is in the file. */
    SourcePosition position(int i) {
        if (i < offsets.length) {
            return lines.position(offsets[i]);
        }
        return lines.position(offsets[offsets.length - 1] + 1);
    }

    boolean startsWith(String prefix, int at) {
        return text.startsWith(prefix, at);
    }

    int skipWhitespace(int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The first {@code target} at or after {@code from}, before {@code to}, not escaped by a backslash; or -1. */
    int findUnescaped(char target, int from, int to) {
        return findUnescapedAny(String.valueOf(target), from, to);
    }

    /** The first of {@code targets} at or after {@code from}, before {@code to}, not escaped; or -1. */
    int findUnescapedAny(String targets, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (targets.indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The first unescaped {@code ::} or {@code ####}-style run of {@code target}, {@code count} long; or -1. */
    int findUnescapedRun(char target, int count, int from, int to) {
        int run = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                run = 0;
                i++;
            } else if (c == target) {
                if (++run == count) {
                    return i - count + 1;
                }
            } else {
                run = 0;
            }
        }
        return -1;
    }

    /**
     * The text from {@code from} to {@code to} with GIFT's escapes resolved ({@code \~ \= \# \{ \} \:}
     * and {@code \\} stand for the character, {@code \n} for a line break; any other backslash is kept) and
     * surrounding white space removed.
     */
    String unescaped(int from, int to) {
        StringBuilder out = new StringBuilder(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char next = text.charAt(i + 1);
                if ("~=#{}:\\".indexOf(next) >= 0) {
                    out.append(next);
                    i++;
                    continue;
                }
                if (next == 'n') {
                    out.append('\n');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString().strip();
    }

    /** The raw text from {@code from} to {@code to}. */
    String raw(int from, int to) {
        return text.substring(from, to);
    }
}
