package dev.tlsquiz.cli;

import dev.tlsquiz.tls.TlsProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --tls-min}: {@code 1.3} (TLS 1.3 only, the default) or {@code 1.2} (also TLS 1.2
 * with forward-secret AEAD suites, for older peers); {@code TLSv1.3} and {@code TLSv1.2} too.
 */
public final class TlsMinVersionConverter implements ITypeConverter<TlsProfile> {

    @Override
    public TlsProfile convert(String value) {
        String version = value.trim();
        if (version.regionMatches(true, 0, "TLSv", 0, 4)) {
            version = version.substring(4);
        }
        if (!version.equals("1.3") && !version.equals("1.2")) {
            throw new TypeConversionException("'" + value + "' (expected: 1.3 or 1.2)");
        }
        return TlsProfile.fromMinVersion(version);
    }
}
