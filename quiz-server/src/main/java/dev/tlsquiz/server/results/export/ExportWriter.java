package dev.tlsquiz.server.results.export;

import dev.tlsquiz.server.results.query.ExportRow;
import dev.tlsquiz.server.results.store.Codes;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * Writes export rows as CSV or JSON, one at a time. {@link #close()} finishes the document (the JSON
 * array's closing bracket) and flushes, without closing the underlying writer.
 */
public interface ExportWriter extends Closeable {

    void write(ExportRow row) throws IOException;

    /**
     * A writer of {@code format} to {@code out}. {@code shown} is applied to every text cell first: the
     * identity for a file, the terminal sanitiser when the output is a terminal.
     */
    static ExportWriter of(ExportFormat format, Writer out, UnaryOperator<String> shown) throws IOException {
        return switch (format) {
            case CSV -> new CsvExportWriter(out, shown);
            case JSON -> new JsonExportWriter(out, shown);
        };
    }

    /** The cells of a row as text, in {@link ExportRow#COLUMNS} order; null for an empty cell. */
    static Object[] cells(ExportRow row) {
        return new Object[] {row.instance(), Long.toHexString(row.gameId()), Codes.of(row.kind()), row.roomCode(),
            row.started().toString(), row.ended().toString(), row.player(), row.nameVerified(), row.fingerprint(),
            row.rank(), row.score(), row.question(), row.questionText(), Codes.of(row.format()),
            row.acceptedAnswer(), row.answer(), row.outcome() == null ? null : Codes.of(row.outcome()),
            row.points(), row.millis()};
    }
}
