package dev.tlsquiz.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void of_whenOne_thenSingular() {
        assertEquals("1 session", Counts.of(1, "session"));
        assertEquals("1 process", Counts.of(1, "process", "processes"));
    }

    @Test
    void of_whenZeroOrMany_thenPlural() {
        assertEquals("0 sessions", Counts.of(0, "session"));
        assertEquals("2 revoked certificates", Counts.of(2, "revoked certificate"));
        assertEquals("3 processes", Counts.of(3, "process", "processes"));
        assertEquals("-1 sessions", Counts.of(-1, "session"));
    }
}
