package dev.tlsquiz.server.cli;

import dev.tlsquiz.tls.ClientAuthMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --client-auth}: {@code none}, {@code optional} or {@code require}, any case. */
public final class ClientAuthConverter implements ITypeConverter<ClientAuthMode> {

    @Override
    public ClientAuthMode convert(String value) {
        for (ClientAuthMode mode : ClientAuthMode.values()) {
            if (mode.name().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new TypeConversionException("'" + value + "' (expected: none, optional, require)");
    }
}
