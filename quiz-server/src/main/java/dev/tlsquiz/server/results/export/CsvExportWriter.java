package dev.tlsquiz.server.results.export;

import dev.tlsquiz.server.results.query.ExportRow;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV by Commons CSV (CRLF line ends, quotes where a cell needs them), with a header line, and
 * every text cell neutralised for spreadsheets ({@link SpreadsheetCells}).
 */
final class CsvExportWriter implements ExportWriter {

    private final CSVPrinter printer;
    private final UnaryOperator<String> shown;

    CsvExportWriter(Writer out, UnaryOperator<String> shown) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(ExportRow.COLUMNS).get());
        this.shown = shown;
    }

    @Override
    public void write(ExportRow row) throws IOException {
        List<Object> record = new ArrayList<>(ExportRow.COLUMNS.length);
        for (Object cell : ExportWriter.cells(row)) {
            record.add(cell instanceof String text ? SpreadsheetCells.neutralise(shown.apply(text)) : cell);
        }
        printer.printRecord(record);
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
