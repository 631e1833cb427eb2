package dev.tlsquiz.server.quiz;

import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Hands every session its own {@link ArithmeticProblemGenerator}. With a seed, each session's
 * generator starts from that seed, so every session sees the same sequence of problems (useful for
 * tests, demos and fair competitions); without one, each session gets an independently random
 * sequence.
 */
public final class ArithmeticProblems implements ProblemSourceFactory {

    private final Set<Operation> operations;
    private final int digits;
    private final OptionalLong seed;

    /**
     * @param operations the operations problems use; not empty
     * @param digits     digits per operand, 1..{@value ArithmeticProblemGenerator#MAX_DIGITS}
     * @param seed       the seed every session's generator starts from, or empty for random
     */
    public ArithmeticProblems(Set<Operation> operations, int digits, OptionalLong seed) {
        this.operations = EnumSet.copyOf(operations);
        this.digits = digits;
        this.seed = seed;
        // Fail at configuration time rather than at the first session.
        newSession();
    }

    @Override
    public ArithmeticProblemGenerator newSession() {
        // java.util.Random's algorithm is specified, so a seed means the same problems on any JVM.
        return new ArithmeticProblemGenerator(operations, digits,
                seed.isPresent() ? new Random(seed.getAsLong()) : new SplittableRandom());
    }
}
