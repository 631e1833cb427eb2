package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1      | 127.0.0.1:26062",
            "quiz.example   | quiz.example:26062",
            "::1            | [::1]:26062",
            "[::1]          | [::1]:26062",
            "2001:db8::7    | [2001:db8::7]:26062",
            "fe80::1%eth0   | [fe80::1%eth0]:26062",
            "::ffff:1.2.3.4 | [::ffff:1.2.3.4]:26062",
    })
    void format_whenHostIsAnIpv6Literal_thenBracketsIt(String host, String expected) {
        assertEquals(expected, HostPort.format(host, 26062));
    }
}
