package dev.tlsquiz.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void value_whenPlain_thenUnchanged() {
        assertEquals("ada", LogText.value("ada"));
        assertEquals("Zoë🦊", LogText.value("Zoë🦊"));
        assertEquals("127.0.0.1:4000", LogText.value("127.0.0.1:4000"));
    }

    @Test
    void value_whenForgedLogLine_thenOneQuotedLine() {
        String hostile = "bye\n2026-11-28 00:00:00 INFO session ended: player=ada score=2000\n\u001b[31mOPERATOR:";
        String logged = LogText.value(hostile);
        assertEquals("\"bye\\x0a2026-11-28 00:00:00 INFO session ended: player=ada score=2000\\x0a\\x1b[31mOPERATOR:\"",
                logged);
        assertFalse(logged.chars().anyMatch(c -> c < 0x20), logged);
    }

    @Test
    void value_whenSpacesOrEquals_thenQuoted() {
        assertEquals("\"ada score=2000\"", LogText.value("ada score=2000"));
        assertEquals("\"a=b\"", LogText.value("a=b"));
        assertEquals("\"two words\"", LogText.value("two words"));
        assertEquals("\"no\u00a0break\"", LogText.value("no\u00a0break"));
        assertEquals("\"\"", LogText.value(""));
    }

    @Test
    void value_whenQuotesAndBackslashes_thenEscapedUnambiguously() {
        assertEquals("\"say \\\"hi\\\"\"", LogText.value("say \"hi\""));
        // A literal backslash-x is not confused with an escaped control.
        assertEquals("a\\\\x1b", LogText.value("a\\x1b"));
        assertEquals("a\\x1b", LogText.value("a\u001b"));
    }

    @Test
    void value_whenBidiOverride_thenEscaped() {
        assertEquals("ada\\u202enimda", LogText.value("ada\u202enimda"));
    }

    @Test
    void value_whenHuge_thenBoundedAndSaysHowMuchWasCut() {
        String huge = "x".repeat(16_384);
        String logged = LogText.value(huge);
        assertTrue(logged.length() < LogText.MAX_CHARS + 40, "length " + logged.length());
        assertTrue(logged.endsWith("…(16128 more chars)\""), logged);
    }

    @Test
    void value_whenOneCharTooLong_thenSaysOneMoreChar() {
        String logged = LogText.value("x".repeat(LogText.MAX_CHARS + 1));
        assertTrue(logged.endsWith("…(1 more char)\""), logged);
    }

    @Test
    void value_whenCutInsideSurrogatePair_thenPairNotSplit() {
        String text = "x".repeat(LogText.MAX_CHARS - 1) + "🦊🦊";
        String logged = LogText.value(text);
        assertFalse(logged.contains("\\ud83e"), logged);
        assertTrue(logged.contains("more chars"), logged);
    }

    @Test
    void value_whenNull_thenWordNull() {
        assertEquals("null", LogText.value(null));
    }
}
