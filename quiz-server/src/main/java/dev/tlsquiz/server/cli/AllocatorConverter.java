package dev.tlsquiz.server.cli;

import dev.tlsquiz.server.ServerTuning;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --allocator}: {@code adaptive} or {@code pooled}, in any case. */
public final class AllocatorConverter implements ITypeConverter<ServerTuning.Allocator> {

    @Override
    public ServerTuning.Allocator convert(String value) {
        try {
            return ServerTuning.Allocator.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("unknown allocator '" + value + "'; use adaptive or pooled");
        }
    }
}
