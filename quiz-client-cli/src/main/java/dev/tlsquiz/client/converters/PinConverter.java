package dev.tlsquiz.client.converters;

import dev.tlsquiz.tls.pki.Fingerprints;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Validates a {@code --pin SHA256:...} value and returns it in the normalized form the trust
 * manager compares against, so a typo fails at the command line rather than in the handshake.
 */
public final class PinConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        try {
            return Fingerprints.normalize(value);
        } catch (IllegalArgumentException e) {
            // The TLS module states the format; where a player finds the right value is the programs' business.
            throw new TypeConversionException(e.getMessage() + ", e.g. as printed by quiz-server certs show");
        }
    }
}
