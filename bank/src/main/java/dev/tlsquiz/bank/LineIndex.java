package dev.tlsquiz.bank;

import java.util.Arrays;

/**
 * Line and column of a character offset in a text: the start of each line, searched in O(log lines).
 * A line ends at LF, CRLF or a lone CR (old Mac files), as for Commons CSV, so that the lines of both
 * readers agree.
 */
final class LineIndex {

    private final int[] lineStarts;

    LineIndex(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (endsLine(text, i)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    /** Whether the character at {@code i} is the last of a line break: LF, or a CR not followed by LF. */
    static boolean endsLine(CharSequence text, int i) {
        char c = text.charAt(i);
        return c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
    }

    SourcePosition position(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int line = found >= 0 ? found : -found - 2;
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }
}
