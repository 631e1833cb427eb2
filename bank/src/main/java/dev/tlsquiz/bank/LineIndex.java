package dev.tlsquiz.bank;

import java.util.Arrays;

/** Line and column of a character offset in a text: the start of each line, searched in O(log lines). */
final class LineIndex {

    private final int[] lineStarts;

    LineIndex(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    SourcePosition position(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int line = found >= 0 ? found : -found - 2;
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }
}
