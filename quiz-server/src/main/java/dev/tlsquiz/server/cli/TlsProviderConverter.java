package dev.tlsquiz.server.cli;

import dev.tlsquiz.tls.TlsProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --tls-provider}: {@code auto}, {@code openssl} or {@code jdk}, any case. */
public final class TlsProviderConverter implements ITypeConverter<TlsProvider> {

    @Override
    public TlsProvider convert(String value) {
        for (TlsProvider provider : TlsProvider.values()) {
            if (provider.name().equalsIgnoreCase(value.trim())) {
                return provider;
            }
        }
        throw new TypeConversionException("'" + value + "' (expected: auto, openssl, jdk)");
    }
}
