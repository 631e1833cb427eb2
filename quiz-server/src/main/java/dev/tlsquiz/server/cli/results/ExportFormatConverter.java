package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.cli.EnumOption;
import dev.tlsquiz.server.results.export.ExportFormat;

/** Reads and lists {@code results export --format}: {@code csv} or {@code json}. */
public final class ExportFormatConverter extends EnumOption<ExportFormat> {

    public ExportFormatConverter() {
        super(ExportFormat.class);
    }
}
