package dev.tlsquiz.client;

import dev.tlsquiz.client.converters.OutputFormatConverter;
import dev.tlsquiz.client.render.OutputFormat;
import picocli.CommandLine.Option;

/** {@code --output}: a picocli mixin shared by the commands that play or host a game. */
public final class OutputOption {

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            converter = OutputFormatConverter.class, completionCandidates = OutputFormatConverter.class,
            description = "Output format: ${COMPLETION-CANDIDATES}; json is one JSON object per line and event"
                    + " (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    /** The output format asked for. */
    public OutputFormat format() {
        return format;
    }
}
