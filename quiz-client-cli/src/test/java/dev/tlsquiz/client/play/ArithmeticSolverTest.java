package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArithmeticSolverTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "17 + 25|42",
        "3 - 10|-7",
        "12 \u00D7 11|132",
        "132 \u00F7 12|11",
        "6 * 7|42",
        "6 x 7|42",
        "84 / 2|42",
        "-5 - -3|-2",
        "-6 \u00D7 7|-42",
        "0 + 0|0",
        "  99 - 100 = |-1",
    })
    void solve_whenArithmetic_thenReturnsTheExactAnswer(String text, long expected) {
        assertEquals(expected, ArithmeticSolver.solve(text));
    }

    @Test
    void solve_whenNotArithmetic_thenNamesTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArithmeticSolver.solve("capital of France?"));
        assertTrue(e.getMessage().contains("capital of France?"), e.getMessage());
    }

    @Test
    void solve_whenDivisionIsNotExact_thenFails() {
        assertThrows(IllegalArgumentException.class, () -> ArithmeticSolver.solve("7 \u00F7 2"));
        assertThrows(IllegalArgumentException.class, () -> ArithmeticSolver.solve("7 \u00F7 0"));
    }

    @Test
    void solve_whenResultOverflows_thenFails() {
        assertThrows(IllegalArgumentException.class,
                () -> ArithmeticSolver.solve("999999999999999999 \u00D7 999999999999999999"));
    }

    @Test
    void isArithmetic_recognizesTheServerFormat() {
        assertTrue(ArithmeticSolver.isArithmetic("17 + 25"));
        assertFalse(ArithmeticSolver.isArithmetic("17 + 25 + 3"));
        assertFalse(ArithmeticSolver.isArithmetic("which is prime?"));
    }
}
