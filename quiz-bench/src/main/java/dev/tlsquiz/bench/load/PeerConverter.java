package dev.tlsquiz.bench.load;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --peer}: {@code quiz}, {@code echo} or {@code tls-only}. */
public final class PeerConverter implements ITypeConverter<Peer> {

    @Override
    public Peer convert(String value) {
        try {
            return Peer.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("unknown peer '" + value + "'; use quiz, echo or tls-only");
        }
    }
}
