package dev.tlsquiz.server.cli;

import dev.tlsquiz.tls.Transport;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --transport}: {@code auto}, {@code epoll} or {@code nio}, in any case. */
public final class TransportConverter implements ITypeConverter<Transport> {

    @Override
    public Transport convert(String value) {
        try {
            return Transport.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
