package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.server.config.GameRules;
import dev.tlsquiz.server.quiz.Operation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** Rounds, operations, digits, time limit and seed: a picocli mixin for {@link GameRules}. */
public final class GameOptions {

    @Option(names = "--rounds", defaultValue = "10", paramLabel = "N",
            description = "Rounds per session when the player does not ask for a number (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--max-rounds", defaultValue = "1000", paramLabel = "N",
            description = "Most rounds a player may ask for; more is capped (default: ${DEFAULT-VALUE}).")
    private int maxRounds;

    @Option(names = "--ops", defaultValue = "add", split = ",", paramLabel = "OP",
            converter = OperationConverter.class, completionCandidates = OperationConverter.class,
            description = "Operations, comma separated: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private List<Operation> operations;

    @Option(names = "--digits", defaultValue = "2", paramLabel = "N",
            description = "Digits per operand, 1..9 (default: ${DEFAULT-VALUE}).")
    private int digits;

    @Option(names = "--time-limit", defaultValue = "30s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Time per problem; durations are written such as " + DurationConverter.FORMS
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration timeLimit;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for the problems: every session gets the same sequence (default: random).")
    private Long seed;

    /**
     * The game.
     *
     * @throws IllegalArgumentException naming the option whose value or combination is not acceptable
     */
    public GameRules toGameRules() {
        return new GameRules(rounds, maxRounds,
                operations.isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(operations), digits,
                timeLimit, seed == null ? OptionalLong.empty() : OptionalLong.of(seed));
    }
}
