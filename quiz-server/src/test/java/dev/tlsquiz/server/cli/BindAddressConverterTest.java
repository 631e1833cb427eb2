package dev.tlsquiz.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class BindAddressConverterTest {

    private final BindAddressConverter converter = new BindAddressConverter();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::", "::1", "localhost"})
    void convert_whenAnAddressOrAResolvingName_thenKeptAsGiven(String bind) {
        assertEquals(bind, converter.convert(bind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.300", "127.1", "1.2.3.4.", "1.2.3.4.5", "1..2.3", "99999999999999999999.0.0.1"})
    void convert_whenDigitsAndDotsThatAreNoIpv4Address_thenRefusedWithoutAskingDns(String bind) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert(bind));
        assertEquals("'" + bind + "' is not an IPv4 address (expected: four numbers of 0..255 separated by dots,"
                + " such as 127.0.0.1)", e.getMessage());
    }

    @Test
    void convert_whenANameThatDoesNotResolve_thenRefusedSayingSo() {
        // .invalid never resolves (RFC 2606).
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> converter.convert("quiz.invalid"));
        assertTrue(e.getMessage().startsWith("'quiz.invalid': no such host (expected: an IP address"), e.getMessage());
    }

    @Test
    void convert_whenABrokenIpv6Address_thenRefusedSayingSo() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert("::g"));
        assertTrue(e.getMessage().startsWith("'::g' is not an IPv6 address"), e.getMessage());
    }

    @Test
    void convert_whenIpv6InBrackets_thenRefusedSayingWithout() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert("[::1]"));
        assertEquals("'[::1]' (expected: an IPv6 address without brackets, such as ::1)", e.getMessage());
    }

    @Test
    void convert_whenEmptyOrHostile_thenRefusedWithTheValueMadeVisible() {
        assertThrows(TypeConversionException.class, () -> converter.convert(""));
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> converter.convert("a\u001b[2Jb.invalid"));
        assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
    }
}
