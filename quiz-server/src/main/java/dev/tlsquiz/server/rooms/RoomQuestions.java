package dev.tlsquiz.server.rooms;

import dev.tlsquiz.bank.BankFormat;
import dev.tlsquiz.bank.BankLimits;
import dev.tlsquiz.bank.BankReader;
import dev.tlsquiz.bank.Diagnostic;
import dev.tlsquiz.bank.ParsedBank;
import dev.tlsquiz.codec.Host;
import dev.tlsquiz.codec.QuestionSource;
import dev.tlsquiz.server.config.GameRules;
import dev.tlsquiz.server.quiz.ArithmeticProblemGenerator;
import dev.tlsquiz.server.quiz.ArithmeticProblems;
import dev.tlsquiz.server.quiz.BankProblems;
import dev.tlsquiz.server.quiz.Operation;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.server.quiz.ProblemSourceFactory;
import dev.tlsquiz.server.quiz.QuestionOrder;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The questions of a room as its HOST asks for them: the server's own (its banks or generator, as a
 * solo session gets them), the arithmetic generator with the host's operations and digits, or a
 * bank the host sent. Parsing a bank is blocking, CPU-bound work: {@link #fromBank} runs on the
 * rooms' bounded executor, never on an event loop.
 */
public final class RoomQuestions {

    private final ProblemSourceFactory serverQuestions;
    private final GameRules game;
    private final BankReader bankReader;

    /**
     * @param serverQuestions the server's own questions, as solo sessions get them
     * @param game            the server's game settings (defaults for what HOST leaves to the server)
     * @param maxBankBytes    the largest bank a host may send
     * @param maxFrameBytes   the frame every question must fit
     */
    public RoomQuestions(ProblemSourceFactory serverQuestions, GameRules game, int maxBankBytes, int maxFrameBytes) {
        this.serverQuestions = serverQuestions;
        this.game = game;
        this.bankReader = new BankReader(BankLimits.defaults().withMaxFileBytes(maxBankBytes)
                .withMaxFrameBytes(Math.min(maxFrameBytes, BankLimits.DEFAULT_MAX_FRAME_BYTES)));
    }

    /**
     * The questions for a room whose host does not send a bank.
     *
     * @throws IllegalArgumentException when the host's operations or digits are not acceptable, with a
     *     message for the host
     */
    public ProblemSource fromSettings(Host host) {
        return switch (host.source()) {
            case SERVER -> serverQuestions.newSession();
            case ARITHMETIC -> arithmetic(host);
            case GIFT_BANK, CSV_BANK -> throw new IllegalArgumentException("source " + host.source()
                    + " needs the bank sent in BANK_PART messages");
        };
    }

    /**
     * The questions of a bank the host sent. Blocking: call it off the event loop.
     *
     * @throws IllegalArgumentException when the bank has errors, with its first problems
     */
    public ProblemSource fromBank(Host host, byte[] bank) {
        BankFormat format = host.source() == QuestionSource.CSV_BANK ? BankFormat.CSV : BankFormat.GIFT;
        ParsedBank parsed = bankReader.parse(bank, format);
        if (!parsed.valid() || parsed.questions().isEmpty()) {
            List<Diagnostic> errors = parsed.errors();
            String first = errors.stream().limit(3).map(d -> d.format("bank")).collect(Collectors.joining("; "));
            throw new IllegalArgumentException("the bank has " + (errors.isEmpty() ? "no questions"
                    : parsed.errorCount() + " error(s): " + first) + "; check it with 'quiz-server bank check FILE'");
        }
        QuestionOrder order = switch (host.order()) {
            case IN_ORDER -> QuestionOrder.FILE;
            case SHUFFLED -> QuestionOrder.SHUFFLE;
            case SERVER_DEFAULT -> game.banks().order();
        };
        return new BankProblems(parsed.questions(), order, false, seed(host)).newSession();
    }

    private ProblemSource arithmetic(Host host) {
        Set<Operation> operations = host.operations().isEmpty() ? game.operations() : operations(host.operations());
        int digits = host.digits() == 0 ? game.digits() : host.digits();
        if (digits > ArithmeticProblemGenerator.MAX_DIGITS) {
            throw new IllegalArgumentException("digits: " + digits + " (expected: 1.."
                    + ArithmeticProblemGenerator.MAX_DIGITS + ")");
        }
        OptionalLong seed = host.seeded() ? OptionalLong.of(host.seed()) : OptionalLong.empty();
        return new ArithmeticProblems(operations, digits, seed).newSession();
    }

    private OptionalLong seed(Host host) {
        return host.seeded() ? OptionalLong.of(host.seed()) : OptionalLong.empty();
    }

    /**
     * Operations as symbols ({@code +-*}{@code /}, also {@code ×} and {@code ÷}) or as the server's option
     * names, comma separated ({@code add,mul}).
     */
    static Set<Operation> operations(String text) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        if (text.chars().anyMatch(Character::isLetter)) {
            for (String name : text.split(",")) {
                operations.add(Operation.fromOptionName(name));
            }
            return operations;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '+' -> operations.add(Operation.ADD);
                case '-' -> operations.add(Operation.SUB);
                case '*', '\u00D7' -> operations.add(Operation.MUL);
                case '/', '\u00F7' -> operations.add(Operation.DIV);
                case ' ', ',' -> { }
                default -> throw new IllegalArgumentException("operations: '" + text.toLowerCase(Locale.ROOT)
                        + "' (expected: symbols of + - * / or names of " + Operation.optionNames() + ")");
            }
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("operations: none given (expected: symbols of + - * /)");
        }
        return operations;
    }
}
