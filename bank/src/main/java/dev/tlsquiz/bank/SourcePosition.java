package dev.tlsquiz.bank;

/**
 * A place in a bank file: 1-based line and column. In a GIFT file the column counts characters (UTF-16
 * units) from the start of the line; in a CSV file it is the CSV column number (1 = Question).
 */
public record SourcePosition(int line, int column) {

    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line: " + line + ", column: " + column + " (expected: >= 1)");
        }
    }

    /** {@code LINE:COLUMN}. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
