package dev.tlsquiz.client.converters;

import dev.tlsquiz.tls.TlsProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --tls-min 1.3|1.2} into the matching {@link TlsProfile}. */
public final class TlsMinVersionConverter implements ITypeConverter<TlsProfile> {

    @Override
    public TlsProfile convert(String value) {
        String version = value.trim();
        if (version.regionMatches(true, 0, "TLSv", 0, 4)) {
            version = version.substring(4);
        }
        try {
            return TlsProfile.fromMinVersion(version);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a TLS version (expected: 1.3 or 1.2)");
        }
    }
}
