package dev.tlsquiz.client.converters;

import dev.tlsquiz.cli.EnumOption;
import dev.tlsquiz.client.render.OutputFormat;

/** Reads and lists {@code --output}: {@code text} or {@code json}, in any case. */
public final class OutputFormatConverter extends EnumOption<OutputFormat> {

    public OutputFormatConverter() {
        super(OutputFormat.class);
    }
}
