package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.text.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for a terminal: a header line and rows, columns padded to their widest cell, numbers aligned
 * right. Every cell passes through {@link TerminalText} (names and answers are players' text) and is cut
 * to its column's maximum width with {@code ...}, so that one long answer cannot push the rest off the
 * screen. Widths count code points: a wide character (CJK, most emoji) takes two cells on most terminals
 * and so shifts its own line a little, never the others.
 */
final class TextTable {

    /** A column: its heading, whether it holds numbers (aligned right), and its widest cell. */
    record Column(String heading, boolean numeric, int maxWidth) {
        static Column text(String heading, int maxWidth) {
            return new Column(heading, false, maxWidth);
        }

        static Column number(String heading) {
            return new Column(heading, true, 24);
        }
    }

    private static final String ELLIPSIS = "...";
    private static final String GAP = "  ";

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(Column... columns) {
        this.columns = List.of(columns);
    }

    /** Adds a row; a null cell shows as {@code -}. */
    TextTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("cells: " + cells.length + " (expected: " + columns.size() + ")");
        }
        String[] shown = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            shown[i] = cut(cells[i] == null ? "-" : TerminalText.sanitize(cells[i].toString()), columns.get(i).maxWidth());
        }
        rows.add(shown);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(columns.get(i).heading());
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        String[] headings = columns.stream().map(Column::heading).toArray(String[]::new);
        out.println(line(headings, widths));
        for (String[] row : rows) {
            out.println(line(row, widths));
        }
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String padding = " ".repeat(widths[i] - width(cells[i]));
            if (columns.get(i).numeric()) {
                line.append(padding).append(cells[i]);
            } else {
                line.append(cells[i]).append(i == cells.length - 1 ? "" : padding);
            }
        }
        return line.toString();
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String cut(String text, int maxWidth) {
        if (width(text) <= maxWidth) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxWidth - ELLIPSIS.length());
        return text.substring(0, end) + ELLIPSIS;
    }
}
