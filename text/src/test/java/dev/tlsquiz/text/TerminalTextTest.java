package dev.tlsquiz.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void sanitize_whenPlainText_thenSameString() {
        String plain = "CN=tlsquiz dev CA, O=Zoë 🦊 — 17 + 25";
        assertSame(plain, TerminalText.sanitize(plain));
        assertTrue(TerminalText.isSafe(plain));
    }

    @Test
    void sanitize_whenEscapeSequences_thenEveryControlVisible() {
        // Hide the rest of the line (SGR 8), move the cursor up, clear the screen, set the title, write the clipboard.
        String hostile = "CN=evil\u001b[8m\u001b[1A\u001b[2J\u001b]0;title\u0007\u001b]52;c;cHduZWQ=\u001b\\";
        String safe = TerminalText.sanitize(hostile);
        assertEquals("CN=evil\\x1b[8m\\x1b[1A\\x1b[2J\\x1b]0;title\\x07\\x1b]52;c;cHduZWQ=\\x1b\\", safe);
        assertFalse(safe.chars().anyMatch(c -> c < 0x20), safe);
        assertFalse(TerminalText.isSafe(hostile));
    }

    @Test
    void sanitize_whenLineBreaksTabsAndDel_thenOneVisibleLine() {
        assertEquals("a\\x0ab\\x0dc\\x09d\\x7fe\\x00", TerminalText.sanitize("a\nb\rc\td\u007fe\u0000"));
    }

    @Test
    void sanitize_whenC1Controls_thenEscaped() {
        // U+009B is CSI on terminals that honour 8-bit controls; U+0085 is NEL.
        assertEquals("\\x9b2J\\x85\\x80\\x9f", TerminalText.sanitize("\u009b2J\u0085\u0080\u009f"));
    }

    @Test
    void sanitize_whenBidirectionalControls_thenEscaped() {
        String hostile = "SHA256:ab\u202edc\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029";
        assertEquals("SHA256:ab\\u202edc\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f"
                + "\\u061c\\u2028\\u2029", TerminalText.sanitize(hostile));
    }

    @Test
    void sanitize_whenLoneSurrogates_thenEscapedAndPairsKept() {
        assertEquals("a\\ud800b\\udc00🦊", TerminalText.sanitize("a\ud800b\udc00🦊"));
        assertEquals("end\\ud83e", TerminalText.sanitize("end\ud83e"));
    }

    @Test
    void sanitize_whenEmojiWithJoiners_thenKept() {
        String family = "👨\u200d👩\u200d👧";
        assertSame(family, TerminalText.sanitize(family));
    }

    @Test
    void sanitize_whenNull_thenNull() {
        assertNull(TerminalText.sanitize(null));
    }

    @Test
    void sanitize_whenEveryCharBelowU0100_thenNoControlSurvives() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            all.append(c);
        }
        String safe = TerminalText.sanitize(all);
        assertFalse(safe.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)), safe);
    }
}
