package dev.tlsquiz.server.results.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tlsquiz.server.results.query.ExportRow;
import java.io.IOException;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * A JSON array with one object per row, keys as the CSV header's, numbers as numbers and empty cells as
 * null. Jackson's generator escapes control characters itself; there is no formula to neutralise.
 */
final class JsonExportWriter implements ExportWriter {

    private final JsonGenerator json;
    private final UnaryOperator<String> shown;

    JsonExportWriter(Writer out, UnaryOperator<String> shown) throws IOException {
        this.json = JsonFactory.builder().build().createGenerator(out);
        this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.shown = shown;
        json.writeStartArray();
    }

    @Override
    public void write(ExportRow row) throws IOException {
        Object[] cells = ExportWriter.cells(row);
        json.writeStartObject();
        for (int i = 0; i < cells.length; i++) {
            json.writeFieldName(ExportRow.COLUMNS[i]);
            Object cell = cells[i];
            if (cell == null) {
                json.writeNull();
            } else if (cell instanceof String text) {
                json.writeString(shown.apply(text));
            } else if (cell instanceof Boolean flag) {
                json.writeBoolean(flag);
            } else {
                json.writeNumber(((Number) cell).longValue());
            }
        }
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.writeRaw('\n');
        json.flush();
    }
}
