package dev.tlsquiz.server.results.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** OWASP's CSV-injection rule: a cell that starts a formula gets a leading single quote; nothing else changes. */
class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://evil\")", "-", "="})
    void neutralise_whenCellStartsAFormula_thenQuoted(String cell) {
        assertEquals("'" + cell, SpreadsheetCells.neutralise(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "1+1", " =1", "'=1", "a=b", "~bob", "12", "\nx", "é=1"})
    void neutralise_whenCellStartsNoFormula_thenUnchanged(String cell) {
        assertEquals(cell, SpreadsheetCells.neutralise(cell));
    }

    @Test
    void neutralise_whenEmptyOrNull_thenUnchanged() {
        assertEquals("", SpreadsheetCells.neutralise(""));
        assertNull(SpreadsheetCells.neutralise(null));
    }
}
