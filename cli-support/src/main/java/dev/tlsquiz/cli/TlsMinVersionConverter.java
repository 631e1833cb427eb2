package dev.tlsquiz.cli;

import dev.tlsquiz.tls.TlsProfile;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --tls-min}: {@code 1.3} (TLS 1.3 only, the default) or {@code 1.2} (also TLS 1.2
 * with forward-secret AEAD suites, for older peers); {@code TLSv1.3} and {@code TLSv1.2} too. It also
 * lists them, for {@code ${COMPLETION-CANDIDATES}}.
 */
public final class TlsMinVersionConverter implements ITypeConverter<TlsProfile>, Iterable<String> {

    private static final List<String> VERSIONS = List.of("1.3", "1.2");

    @Override
    public Iterator<String> iterator() {
        return VERSIONS.iterator();
    }

    @Override
    public TlsProfile convert(String value) {
        String version = value.trim();
        if (version.regionMatches(true, 0, "TLSv", 0, 4)) {
            version = version.substring(4);
        }
        if (!VERSIONS.contains(version)) {
            throw new TypeConversionException("'" + value + "' (expected: 1.3 or 1.2)");
        }
        return TlsProfile.fromMinVersion(version);
    }
}
