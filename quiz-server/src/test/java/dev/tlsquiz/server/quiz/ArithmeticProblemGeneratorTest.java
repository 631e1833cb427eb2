package dev.tlsquiz.server.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.Question;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArithmeticProblemGeneratorTest {

    /** The documented text format: {@code A op B}, unsigned operands, single spaces. */
    private static final Pattern TEXT = Pattern.compile("([1-9][0-9]*) ([+\\-\u00D7\u00F7]) ([1-9][0-9]*)");
    private static final int SAMPLES = 2_000;

    @ParameterizedTest
    @EnumSource(Operation.class)
    void next_forEachOperation_usesItsSymbolAndTheExactResult(Operation operation) {
        ArithmeticProblemGenerator generator = new ArithmeticProblemGenerator(EnumSet.of(operation), 3, new Random(1));
        for (int i = 0; i < SAMPLES; i++) {
            Question question = generator.next();
            Matcher text = parse(question);
            assertEquals(operation.symbol(), text.group(2));
            long a = Long.parseLong(text.group(1));
            long b = Long.parseLong(text.group(3));
            long expected = switch (operation) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> {
                    assertEquals(0, a % b, () -> "division must be exact: " + question.text());
                    yield a / b;
                }
            };
            assertEquals(Long.toString(expected), question.acceptedAnswers(), question::text);
            assertTrue(question.choices().isEmpty());
        }
    }

    @Test
    void next_textUsesTheDocumentedSymbolsAndSpacing() {
        ArithmeticProblemGenerator generator = new ArithmeticProblemGenerator(EnumSet.of(Operation.MUL), 2, new Random(3));
        String text = generator.next().text();
        assertTrue(text.matches("\\d\\d \u00D7 \\d\\d"), text);
        generator = new ArithmeticProblemGenerator(EnumSet.of(Operation.DIV), 2, new Random(3));
        text = generator.next().text();
        assertTrue(text.matches("\\d{3,4} \u00F7 \\d\\d"), text);
    }

    @Test
    void next_forSubtraction_producesNegativeResults() {
        ArithmeticProblemGenerator generator = new ArithmeticProblemGenerator(EnumSet.of(Operation.SUB), 2, new Random(5));
        boolean negative = false;
        for (int i = 0; i < SAMPLES && !negative; i++) {
            negative = generator.next().acceptedAnswers().startsWith("-");
        }
        assertTrue(negative, "no negative result in " + SAMPLES + " subtractions");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 9})
    void next_operandsHaveExactlyTheConfiguredDigits(int digits) {
        ArithmeticProblemGenerator generator = new ArithmeticProblemGenerator(EnumSet.allOf(Operation.class), digits,
                new Random(digits));
        long low = (long) Math.pow(10, digits - 1);
        long high = (long) Math.pow(10, digits) - 1;
        for (int i = 0; i < SAMPLES; i++) {
            Question question = generator.next();
            Matcher text = parse(question);
            long a = Long.parseLong(text.group(1));
            long b = Long.parseLong(text.group(3));
            assertTrue(b >= low && b <= high, question::text);
            if (text.group(2).equals(Operation.DIV.symbol())) {
                // The quotient (the answer) has the operand size; the dividend is the product.
                long quotient = Long.parseLong(question.acceptedAnswers());
                assertTrue(quotient >= low && quotient <= high, question::text);
            } else {
                assertTrue(a >= low && a <= high, question::text);
            }
        }
    }

    @Test
    void newSession_withASeed_givesEverySessionTheSameSequence() {
        ArithmeticProblems problems = new ArithmeticProblems(EnumSet.allOf(Operation.class), 2, OptionalLong.of(99));
        assertEquals(take(problems.newSession(), 50), take(problems.newSession(), 50));
        ArithmeticProblems other = new ArithmeticProblems(EnumSet.allOf(Operation.class), 2, OptionalLong.of(100));
        assertNotEquals(take(problems.newSession(), 50), take(other.newSession(), 50));
    }

    @Test
    void newSession_withoutASeed_givesSessionsDifferentSequences() {
        ArithmeticProblems problems = new ArithmeticProblems(EnumSet.allOf(Operation.class), 4, OptionalLong.empty());
        assertNotEquals(take(problems.newSession(), 50), take(problems.newSession(), 50));
    }

    @Test
    void next_withSeveralOperations_usesEveryOne() {
        ArithmeticProblemGenerator generator = new ArithmeticProblemGenerator(EnumSet.allOf(Operation.class), 2, new Random(8));
        Set<String> symbols = new java.util.HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            symbols.add(parse(generator.next()).group(2));
        }
        assertEquals(Set.of("+", "-", "\u00D7", "\u00F7"), symbols);
    }

    @Test
    void constructor_rejectsNoOperationsAndBadDigits() {
        assertThrows(IllegalArgumentException.class,
                () -> new ArithmeticProblemGenerator(EnumSet.noneOf(Operation.class), 2, new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new ArithmeticProblemGenerator(EnumSet.of(Operation.ADD), 0, new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new ArithmeticProblemGenerator(EnumSet.of(Operation.ADD), 10, new Random()));
    }

    @Test
    void fromOptionName_namesTheAcceptedValuesWhenUnknown() {
        assertEquals(Operation.MUL, Operation.fromOptionName("MUL"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Operation.fromOptionName("pow"));
        assertEquals("'pow' (expected: add, sub, mul, div)", e.getMessage());
    }

    private static Matcher parse(Question question) {
        Matcher matcher = TEXT.matcher(question.text());
        assertTrue(matcher.matches(), () -> "not in the documented format: '" + question.text() + "'");
        return matcher;
    }

    private static List<Question> take(ProblemSource source, int count) {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            questions.add(source.next());
        }
        return questions;
    }
}
