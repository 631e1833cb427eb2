package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlayerNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada", "  Ada Lovelace ", "李小龍", "Zoë 🦊", "o'brien-2"})
    void validate_acceptsOrdinaryNamesTrimmed(String raw) {
        assertEquals(raw.strip(), PlayerNames.validate(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a\tb", "a\u0000b", "line\u2028break", "evil\u202Eeman", "\u001B[31mred"})
    void validate_rejectsEmptyNamesAndControlCharacters(String raw) {
        assertThrows(IllegalArgumentException.class, () -> PlayerNames.validate(raw));
    }

    @org.junit.jupiter.api.Test
    void validate_countsCharactersNotUtf16Units() {
        assertEquals(64, PlayerNames.validate("🦊".repeat(64)).codePointCount(0, 128));
        assertThrows(IllegalArgumentException.class, () -> PlayerNames.validate("🦊".repeat(65)));
    }
}
