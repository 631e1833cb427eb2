package dev.tlsquiz.client.converters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --pin}: the TLS module states the format, the client says where the value comes from. */
class PinConverterTest {

    @Test
    void convert_whenNotAFingerprint_thenTheFormatAndWhereToFindIt() {
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> new PinConverter().convert("SHA256:abcd"));

        assertEquals("not a SHA-256 fingerprint: 'SHA256:abcd' (expected: SHA256: followed by 64 hex digits),"
                + " e.g. as printed by quiz-server certs show", e.getMessage());
    }

    @Test
    void convert_whenAnyCaseWithColons_thenTheCanonicalForm() {
        assertEquals("SHA256:" + "ab".repeat(32), new PinConverter().convert("sha256:" + "AB:".repeat(31) + "AB"));
    }
}
