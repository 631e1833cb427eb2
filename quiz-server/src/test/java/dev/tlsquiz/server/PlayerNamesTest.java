package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest
    @ValueSource(strings = {"ada", "Ada Lovelace", "Zoë 🦊", "o'brien-2", "bob~"})
    void validateCertificateName_acceptsValidNamesAsTheyStand(String commonName) {
        assertEquals(commonName, PlayerNames.validateCertificateName(commonName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " bob", "bob ", "~bob", "~", "a\tb", "evil\u202Eeman"})
    void validateCertificateName_refusesWhatCouldPassForAnotherName(String commonName) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> PlayerNames.validateCertificateName(commonName));
        assertTrue(refusal.getMessage().startsWith("your client certificate has no usable common name (CN): "),
                refusal::getMessage);
        assertTrue(refusal.getMessage().endsWith("quiz-server certs client NAME"), refusal::getMessage);
    }

    @org.junit.jupiter.api.Test
    void validateCertificateName_whenThereIsNone_thenSaysSo() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> PlayerNames.validateCertificateName(null));
        assertTrue(refusal.getMessage().contains("it has none"), refusal::getMessage);
    }
}
