package dev.tlsquiz.server.cli;

import dev.tlsquiz.server.ServerTuning;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --transport}: {@code auto}, {@code epoll} or {@code nio}, in any case. */
public final class TransportConverter implements ITypeConverter<ServerTuning.Transport> {

    @Override
    public ServerTuning.Transport convert(String value) {
        try {
            return ServerTuning.Transport.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("unknown transport '" + value + "'; use auto, epoll or nio");
        }
    }
}
