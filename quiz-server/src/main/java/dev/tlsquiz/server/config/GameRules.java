package dev.tlsquiz.server.config;

import dev.tlsquiz.server.Durations;
import dev.tlsquiz.server.quiz.ArithmeticProblemGenerator;
import dev.tlsquiz.server.quiz.Operation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The quiz every session plays.
 *
 * @param rounds     rounds per session when HELLO leaves it to the server ({@code --rounds})
 * @param maxRounds  the most rounds a HELLO may ask for; more is capped ({@code --max-rounds})
 * @param operations the arithmetic operations problems use ({@code --ops})
 * @param digits     digits per operand ({@code --digits})
 * @param timeLimit  the time allowed per problem ({@code --time-limit})
 * @param seed       the seed of every session's problem sequence, or empty for random ({@code --seed})
 * @param banks      the question banks, or none for the arithmetic generator ({@code --bank} and its options)
 */
public record GameRules(int rounds, int maxRounds, Set<Operation> operations, int digits, Duration timeLimit,
                        OptionalLong seed, QuestionBanks banks) {

    public static final int DEFAULT_ROUNDS = 10;
    public static final int DEFAULT_MAX_ROUNDS = 1000;
    public static final int DEFAULT_DIGITS = 2;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
    /** Rounds are a u16 on the wire. */
    public static final int MAX_ROUNDS_LIMIT = 0xFFFF;
    /** The time limit is a u32 of milliseconds on the wire. */
    private static final long MAX_TIME_LIMIT_MILLIS = 0xFFFF_FFFFL;

    public GameRules {
        Checks.requireRange("--rounds", rounds, 1, MAX_ROUNDS_LIMIT);
        Checks.requireRange("--max-rounds", maxRounds, 1, MAX_ROUNDS_LIMIT);
        Checks.require(rounds <= maxRounds,
                "--rounds (" + rounds + ") is above --max-rounds (" + maxRounds + "); lower one or raise the other");
        operations = Set.copyOf(Objects.requireNonNull(operations, "operations"));
        Checks.require(!operations.isEmpty(),
                "--ops: empty (expected: one or more of " + Operation.optionNames() + ")");
        Checks.requireRange("--digits", digits, 1, ArithmeticProblemGenerator.MAX_DIGITS);
        Checks.requirePositive("--time-limit", timeLimit);
        Checks.require(timeLimit.toMillis() <= MAX_TIME_LIMIT_MILLIS,
                "--time-limit: " + Durations.format(timeLimit) + " is too long (expected: at most 49 days)");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(banks, "banks");
    }

    /** Ten rounds of two-digit additions, 30 seconds each, a random sequence per session. */
    public static GameRules defaults() {
        return new GameRules(DEFAULT_ROUNDS, DEFAULT_MAX_ROUNDS, EnumSet.of(Operation.ADD), DEFAULT_DIGITS,
                DEFAULT_TIME_LIMIT, OptionalLong.empty(),
                QuestionBanks.none());
    }

    public GameRules withRounds(int value) {
        return new GameRules(value, maxRounds, operations, digits, timeLimit, seed, banks);
    }

    public GameRules withMaxRounds(int value) {
        return new GameRules(rounds, value, operations, digits, timeLimit, seed, banks);
    }

    public GameRules withOperations(Set<Operation> value) {
        return new GameRules(rounds, maxRounds, value, digits, timeLimit, seed, banks);
    }

    public GameRules withDigits(int value) {
        return new GameRules(rounds, maxRounds, operations, value, timeLimit, seed, banks);
    }

    public GameRules withTimeLimit(Duration value) {
        return new GameRules(rounds, maxRounds, operations, digits, value, seed, banks);
    }

    /** Every session gets the sequence of this seed. */
    public GameRules withSeed(long value) {
        return new GameRules(rounds, maxRounds, operations, digits, timeLimit, OptionalLong.of(value), banks);
    }

    /** Questions from these banks instead of the arithmetic generator. */
    public GameRules withBanks(QuestionBanks value) {
        return new GameRules(rounds, maxRounds, operations, digits, timeLimit, seed, value);
    }
}
