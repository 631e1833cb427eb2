package dev.tlsquiz.server.cli;

import dev.tlsquiz.bank.BankFormat;
import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.server.cli.bank.BankFormatConverter;
import dev.tlsquiz.server.config.GameRules;
import dev.tlsquiz.server.config.QuestionBanks;
import dev.tlsquiz.server.quiz.Operation;
import dev.tlsquiz.server.quiz.QuestionOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** Rounds, operations, digits, time limit, seed and question banks: a picocli mixin for {@link GameRules}. */
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

    @Option(names = "--bank", paramLabel = "FILE",
            description = "Ask the questions of this bank (GIFT or Kahoot-style CSV) instead of arithmetic; "
                    + "repeatable. Reloaded for new sessions when it changes.")
    private List<Path> banks = List.of();

    @Option(names = "--bank-format", paramLabel = "FORMAT", converter = BankFormatConverter.class,
            completionCandidates = BankFormatConverter.class,
            description = "Read every bank in this format: ${COMPLETION-CANDIDATES} (default: from the extension,"
                    + " .gift/.txt or .csv).")
    private BankFormat bankFormat;

    @Option(names = "--category", paramLabel = "NAME",
            description = "Ask only the questions of this GIFT category (or its subcategories).")
    private String category;

    @Option(names = "--order", defaultValue = "shuffle", paramLabel = "ORDER",
            converter = QuestionOrderConverter.class, completionCandidates = QuestionOrderConverter.class,
            description = "Order of a bank's questions: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE};"
                    + " the same for every session with --seed).")
    private QuestionOrder order;

    @Option(names = "--repeat",
            description = "Ask a bank's questions again once all were asked (default: a session asks at most "
                    + "as many as the banks hold).")
    private boolean repeat;

    /**
     * The game.
     *
     * @throws IllegalArgumentException naming the option whose value or combination is not acceptable
     */
    public GameRules toGameRules() {
        return new GameRules(rounds, maxRounds,
                operations.isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(operations), digits,
                timeLimit, seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                new QuestionBanks(banks, Optional.ofNullable(bankFormat), Optional.ofNullable(category), order,
                        repeat));
    }
}
