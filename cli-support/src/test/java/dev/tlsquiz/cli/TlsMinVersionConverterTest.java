package dev.tlsquiz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsquiz.tls.TlsProfile;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TlsMinVersionConverterTest {

    private final TlsMinVersionConverter converter = new TlsMinVersionConverter();

    @Test
    void convert_whenVersionWithOrWithoutPrefix_thenItsProfile() {
        assertEquals(TlsProfile.MODERN, converter.convert("1.3"));
        assertEquals(TlsProfile.fromMinVersion("1.2"), converter.convert("1.2"));
        assertEquals(TlsProfile.MODERN, converter.convert("TLSv1.3"));
        assertEquals(TlsProfile.fromMinVersion("1.2"), converter.convert(" tlsv1.2 "));
    }

    @Test
    void convert_whenOlderOrUnknown_thenSaysWhatIsExpected() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert("1.1"));
        assertEquals("'1.1' (expected: 1.3 or 1.2)", e.getMessage());
        assertThrows(TypeConversionException.class, () -> converter.convert("TLSv1.0"));
    }
}
