package dev.tlsquiz.server.quiz;

import dev.tlsquiz.bank.IntegerQuestion;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Generates arithmetic problems on whole numbers, one {@link ProblemSource} per session: the arithmetic
 * generator as one bank among others, its questions {@link IntegerQuestion}s judged like every bank's.
 *
 * <h2>Text format</h2>
 * The problem text is exactly {@code A op B}: two unsigned decimal integers without leading zeros
 * or signs, separated from the operator by single spaces (U+0020). The operators are
 * {@code +} (U+002B), {@code -} (U+002D), {@code ×} (U+00D7) and {@code ÷} (U+00F7), for example
 * {@code 17 + 25}, {@code 17 - 42}, {@code 12 × 34}, {@code 408 ÷ 12}. The expected answer is the
 * exact result as a decimal integer, with a leading {@code -} when negative; clients that solve
 * problems automatically parse this format.
 *
 * <h2>Operand sizes</h2>
 * With {@code digits = d}, operands have exactly {@code d} digits: {@code 10^(d-1) .. 10^d - 1},
 * so {@code d = 2} gives 10..99 and {@code d = 1} gives 1..9 (zero is left out so that no divisor
 * is zero and no problem is trivial).
 * <ul>
 *   <li>add, mul: {@code A} and {@code B} are both {@code d}-digit operands.</li>
 *   <li>sub: likewise; {@code B} may be larger than {@code A}, so results may be negative
 *       ({@code 17 - 42} = {@code -25}).</li>
 *   <li>div: the divisor {@code B} and the quotient are {@code d}-digit operands and the dividend
 *       {@code A} is their product (up to {@code 2d} digits), so every division is exact and the
 *       answer has {@code d} digits, just as a product's factors do.</li>
 * </ul>
 * With at most 9 digits every value fits in a {@code long}.
 *
 * <h2>Reproducibility</h2>
 * The operation is drawn uniformly from the configured set (in enum order), then the two operands;
 * the same seeded {@link RandomGenerator} therefore yields the same sequence of problems.
 */
public final class ArithmeticProblemGenerator implements ProblemSource {

    /** The most digits an operand may have: products of two such operands still fit a long. */
    public static final int MAX_DIGITS = 9;

    private final List<Operation> operations;
    private final RandomGenerator random;
    private final long low;
    private final long high;

    /**
     * @param operations the operations to draw from; not empty
     * @param digits     the number of digits of each operand, 1..{@value #MAX_DIGITS}
     * @param random     the source of randomness; owned by this generator from now on
     */
    public ArithmeticProblemGenerator(Set<Operation> operations, int digits, RandomGenerator random) {
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("operations: empty (expected: at least one of "
                    + Operation.optionNames() + ")");
        }
        if (digits < 1 || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("digits: " + digits + " (expected: 1.." + MAX_DIGITS + ")");
        }
        this.operations = List.copyOf(EnumSet.copyOf(operations));
        this.random = Objects.requireNonNull(random, "random");
        this.low = smallestWithDigits(digits);
        this.high = smallestWithDigits(digits + 1) - 1;
    }

    @Override
    public IntegerQuestion next() {
        Operation operation = operations.get(random.nextInt(operations.size()));
        long a = operand();
        long b = operand();
        return switch (operation) {
            case ADD -> question(a, operation, b, a + b);
            case SUB -> question(a, operation, b, a - b);
            case MUL -> question(a, operation, b, a * b);
            // a is the quotient here: show the product, so the division is always exact.
            case DIV -> question(a * b, operation, b, a);
        };
    }

    private long operand() {
        return random.nextLong(low, high + 1);
    }

    private static IntegerQuestion question(long left, Operation operation, long right, long result) {
        return IntegerQuestion.of(left + " " + operation.symbol() + " " + right, result);
    }

    private static long smallestWithDigits(int digits) {
        long value = 1;
        for (int i = 1; i < digits; i++) {
            value *= 10;
        }
        return value;
    }
}
