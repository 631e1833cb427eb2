package dev.tlsquiz.bank;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the Kahoot-style spreadsheet saved as CSV (comma-separated, RFC 4180 quoting, read by Apache
 * Commons CSV), one question per row:
 *
 * <pre>Question, Answer 1, Answer 2, Answer 3, Answer 4, Time limit (sec), Correct answer(s)</pre>
 *
 * <ul>
 *   <li>A first row whose first cell starts with {@code Question} and whose seventh starts with
 *       {@code Correct} is the header, skipped; so are rows whose cells are all blank.</li>
 *   <li>Answers 1 and 2 are required, 3 and 4 optional (but 4 only with 3: the letters must not
 *       shift). Cells after the seventh must be blank (spreadsheets export empty trailing columns).</li>
 *   <li>Time limit: whole seconds, 1..{@value #MAX_TIME_LIMIT_SECONDS}; Kahoot offers 5, 10, 20, 30,
 *       60, 90, 120 and 240, and any other value is accepted too. Blank: the server's default.</li>
 *   <li>Correct answer(s): answer numbers, {@code 2} or {@code 1,3}: one makes a one-choice question,
 *       several a several-choices question.</li>
 * </ul>
 *
 * Errors are {@code LINE:COLUMN} with the line where the row starts and the CSV column number
 * (1 = Question, 7 = Correct answer(s)).
 */
public final class KahootCsvReader {

    static final int MAX_TIME_LIMIT_SECONDS = 3600;
    private static final int COLUMNS = 7;
    private static final int TIME_LIMIT = 5;
    private static final int CORRECT = 6;
    private static final String LAYOUT = "a row has 7 columns: Question, Answer 1..4, Time limit (sec), Correct answer(s)";
    private static final String[] COLUMN_NAMES = {"Question", "Answer 1", "Answer 2", "Answer 3", "Answer 4",
            "Time limit (sec)", "Correct answer(s)"};

    private final LineIndex lines;
    private final Diagnostics diagnostics;
    private final QuestionCollector questions;

    private KahootCsvReader(String text, BankLimits limits, Diagnostics diagnostics) {
        this.lines = new LineIndex(text);
        this.diagnostics = diagnostics;
        this.questions = new QuestionCollector(limits, diagnostics);
    }

    /** The questions of a CSV text (already decoded, see {@link BankReader}), with errors and warnings. */
    public static ParsedBank parse(String text, BankLimits limits) {
        Diagnostics diagnostics = new Diagnostics();
        KahootCsvReader reader = new KahootCsvReader(text, limits, diagnostics);
        reader.readAll(text);
        return reader.questions.result();
    }

    private void readAll(String text) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                // Empty lines come through as one blank cell and are skipped below: so each record's
                // character position is where its row starts (with the option, it is where the empty lines start).
                .setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            boolean first = true;
            try {
                for (CSVRecord record : parser) {
                    int line = lines.position((int) record.getCharacterPosition()).line();
                    if (blank(record)) {
                        continue;
                    }
                    boolean header = first && isHeader(record);
                    first = false;
                    if (header) {
                        continue;
                    }
                    try {
                        if (!questions.add(question(record, line))) {
                            return;
                        }
                    } catch (CsvCellException e) {
                        diagnostics.error(new SourcePosition(line, e.column), e.getMessage());
                    }
                }
            } catch (UncheckedIOException e) {
                diagnostics.error(new SourcePosition((int) Math.max(1, parser.getCurrentLineNumber()), 1),
                        "unreadable CSV (" + e.getCause().getMessage() + "); check the quotes: a quoted cell "
                                + "ends with \" and a quote inside it is written \"\"");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string", e);
        }
    }

    private Question question(CSVRecord record, int line) throws CsvCellException {
        if (record.size() < COLUMNS) {
            throw new CsvCellException(record.size() + 1, "missing column " + (record.size() + 1) + " ("
                    + COLUMN_NAMES[record.size()] + "); " + LAYOUT);
        }
        for (int column = COLUMNS; column < record.size(); column++) {
            if (!record.get(column).isBlank()) {
                throw new CsvCellException(column + 1, "unexpected text in column " + (column + 1) + "; " + LAYOUT);
            }
        }
        String text = record.get(0).strip();
        if (text.isEmpty()) {
            throw new CsvCellException(1, "empty question; write the question in column 1");
        }
        List<String> answers = answers(record);
        int timeLimit = timeLimit(record.get(TIME_LIMIT).strip());
        Set<Integer> correct = correct(record.get(CORRECT).strip(), answers.size());
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            choices.add(new Choice(answers.get(i), correct.contains(i) ? Weights.FULL : Weights.NONE, ""));
        }
        QuestionHeader header = new QuestionHeader(text, "", "", "", timeLimit, new SourcePosition(line, 1));
        return correct.size() == 1 ? new OneChoiceQuestion(header, choices) : new SeveralChoicesQuestion(header, choices);
    }

    private static List<String> answers(CSVRecord record) throws CsvCellException {
        List<String> answers = new ArrayList<>();
        for (int column = 1; column <= 4; column++) {
            String answer = record.get(column).strip();
            if (answer.isEmpty() && column <= 2) {
                throw new CsvCellException(column + 1, COLUMN_NAMES[column] + " is empty; a question needs at least "
                        + "two answers");
            }
            if (!answer.isEmpty() && answers.size() < column - 1) {
                throw new CsvCellException(column + 1, COLUMN_NAMES[column] + " follows an empty "
                        + COLUMN_NAMES[column - 1] + "; fill the answer columns in order");
            }
            if (!answer.isEmpty()) {
                answers.add(answer);
            }
        }
        return answers;
    }

    private static int timeLimit(String cell) throws CsvCellException {
        if (cell.isEmpty()) {
            return 0;
        }
        int seconds = cell.length() <= 5 && cell.chars().allMatch(c -> c >= '0' && c <= '9') ? Integer.parseInt(cell) : -1;
        if (seconds < 1 || seconds > MAX_TIME_LIMIT_SECONDS) {
            throw new CsvCellException(TIME_LIMIT + 1, "time limit '" + Quoted.shorten(cell) + "' is not a number of seconds "
                    + "1.." + MAX_TIME_LIMIT_SECONDS + " (Kahoot uses 5, 10, 20, 30, 60, 90, 120 or 240)");
        }
        return seconds;
    }

    /** The 0-based indexes of the correct answers. */
    private static Set<Integer> correct(String cell, int answerCount) throws CsvCellException {
        if (cell.isEmpty()) {
            throw new CsvCellException(CORRECT + 1, "no correct answer; write its number, such as 1, or several, such as 1,3");
        }
        Set<Integer> correct = new TreeSet<>();
        for (String raw : cell.split(",", -1)) {
            String item = raw.strip();
            int number = item.length() == 1 && item.charAt(0) >= '1' && item.charAt(0) <= '9' ? item.charAt(0) - '0' : -1;
            if (number < 1 || number > answerCount) {
                throw new CsvCellException(CORRECT + 1, "correct answer '" + Quoted.shorten(item) + "' is not among the "
                        + answerCount + " answers given; write answer numbers 1-" + answerCount + ", such as 1,3");
            }
            if (!correct.add(number - 1)) {
                throw new CsvCellException(CORRECT + 1, "correct answer " + number + " is listed twice");
            }
        }
        return correct;
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHeader(CSVRecord record) {
        return record.size() >= COLUMNS
                && record.get(0).strip().toLowerCase(Locale.ROOT).startsWith("question")
                && record.get(CORRECT).strip().toLowerCase(Locale.ROOT).startsWith("correct");
    }

    /** A mistake in one cell: its CSV column number (1-based) and the message. */
    private static final class CsvCellException extends Exception {

        private static final long serialVersionUID = 1L;

        private final int column;

        CsvCellException(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }
}
