package dev.tlsquiz.client.room;

import dev.tlsquiz.bank.BankFormat;
import dev.tlsquiz.bank.BankLimits;
import dev.tlsquiz.bank.BankReader;
import dev.tlsquiz.bank.Diagnostic;
import dev.tlsquiz.bank.ParsedBank;
import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.ConnectOptions;
import dev.tlsquiz.client.FailureReport;
import dev.tlsquiz.client.Failures;
import dev.tlsquiz.client.NettyJfrEvents;
import dev.tlsquiz.client.OutputOption;
import dev.tlsquiz.client.PlayerName;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.client.TlsOptions;
import dev.tlsquiz.client.VerboseOption;
import dev.tlsquiz.client.VersionProvider;
import dev.tlsquiz.client.net.ClientTimeouts;
import dev.tlsquiz.client.render.RoomView;
import dev.tlsquiz.client.render.SessionRenderer;
import dev.tlsquiz.codec.Host;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuestionSource;
import dev.tlsquiz.codec.RequestedOrder;
import dev.tlsquiz.text.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code quiz host}: opens a room on a server (or takes one back with {@code --reclaim}), shows its
 * code with the command players join with, and steers the game with commands typed or piped on stdin.
 */
@Command(name = "host", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Open a room that players join with its code, and run the game: everyone gets the same question"
                    + " at the same moment, and the standings after each.",
            "Commands, typed or one a line on stdin: start, next, pause, resume, kick NAME, end, help."
        })
public final class HostRoomCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectOptions connect;

    @Mixin
    private TlsOptions tls;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the server's host token from FILE (mode 0600; quiz-server prints where it is).")
    private Path tokenFile;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Your name as the players see it (default: your user name).")
    private String name;

    @Option(names = "--reclaim", paramLabel = "CODE",
            description = "Take back room CODE after your connection dropped (its settings stay as they were).")
    private String reclaim;

    @Option(names = "--bank", paramLabel = "FILE",
            description = "Ask the questions of this bank (GIFT or Kahoot-style CSV), checked here before it is sent.")
    private Path bank;

    @Option(names = "--bank-format", paramLabel = "FORMAT", converter = BankFormatConverter.class,
            completionCandidates = BankFormatConverter.class,
            description = "Read --bank in this format: ${COMPLETION-CANDIDATES} (default: from the extension,"
                    + " .gift/.txt or .csv).")
    private BankFormat bankFormat;

    @Option(names = "--ops", split = ",", paramLabel = "OP", converter = OperationConverter.class,
            completionCandidates = OperationConverter.class,
            description = "Ask arithmetic with these operations, comma separated: ${COMPLETION-CANDIDATES}"
                    + " (default: the server's questions).")
    private List<Operation> operations;

    @Option(names = "--digits", paramLabel = "N",
            description = "Digits per operand of the arithmetic, 1..9 (default: the server's).")
    private Integer digits;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Ask N questions (default: the server's).")
    private Integer rounds;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time for each question, such as " + DurationConverter.FORMS + " (default: the server's).")
    private Duration timeLimit;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed the questions or their shuffle: the same seed asks the same game (default: random).")
    private Long seed;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "server-default", converter = OrderConverter.class,
            completionCandidates = OrderConverter.class,
            description = "Order of a bank's questions: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private RequestedOrder order;

    @Option(names = "--no-late-join", description = "Refuse players once the game has started.")
    private boolean noLateJoin;

    @Option(names = "--start-when", paramLabel = "N",
            description = "Start the game by itself once N players are in.")
    private Integer startWhen;

    @Option(names = "--start-after", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Start the game by itself this long after the room opened.")
    private Duration startAfter;

    @Mixin
    private OutputOption output;

    @Mixin
    private RoomServerTimeoutOption serverTimeout;

    @Mixin
    private VerboseOption verbose;

    private final Terminal terminal;

    public HostRoomCommand(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    @Override
    public Integer call() {
        NettyJfrEvents.skip();
        SessionRenderer renderer = SessionRenderer.create(output.format(), terminal);
        String reclaimed = validate();
        Optional<String> bankText = bank == null ? Optional.empty() : Optional.of(readBank(renderer));
        String token = tokenFile == null ? "" : readToken();
        try {
            HostSettings settings = new HostSettings(connect.host(), connect.port(), connect.connectTimeout(),
                    opening(reclaimed, token, bankText), bankText,
                    startWhen == null ? OptionalInt.empty() : OptionalInt.of(startWhen), Optional.ofNullable(startAfter),
                    tls.usesKnownHosts() ? tls.knownHostsFile() : null);
            HostSession session = new HostSession(settings, terminal.in(), RoomView.create(renderer, terminal),
                    tls::createTls, ClientTimeouts.forServerTimeout(serverTimeout.duration()));
            return session.run();
        } catch (ClientFailure failure) {
            return FailureReport.exitCode(renderer, failure, verbose.on(), HostRoomCommand.class);
        } catch (RuntimeException e) {
            return FailureReport.exitCode(renderer, Failures.internal(e), verbose.on(), HostRoomCommand.class);
        }
    }

    private Host opening(String reclaimed, String token, Optional<String> bankText) {
        String hostName = PlayerName.resolve(name, "host");
        if (reclaimed != null) {
            return Host.reclaim(hostName, reclaimed, token);
        }
        QuestionSource source;
        String ops = "";
        if (bank != null) {
            source = format() == BankFormat.CSV ? QuestionSource.CSV_BANK : QuestionSource.GIFT_BANK;
        } else if (operations != null || digits != null) {
            source = QuestionSource.ARITHMETIC;
            StringBuilder symbols = new StringBuilder();
            for (Operation operation : operations == null ? List.<Operation>of() : operations) {
                if (symbols.indexOf(String.valueOf(operation.symbol())) < 0) {
                    symbols.append(operation.symbol());
                }
            }
            ops = symbols.toString();
        } else {
            source = QuestionSource.SERVER;
        }
        return new Host(Protocol.VERSION, hostName, "", token, rounds == null ? 0 : rounds,
                timeLimit == null ? 0 : timeLimit.toMillis(), source, ops, digits == null ? 0 : digits,
                seed == null ? 0 : seed, seed != null, order, !noLateJoin,
                bankText.map(BankUpload::utf8Length).orElse(0L));
    }

    /** Checks the options; returns the canonical code of {@code --reclaim}, or {@code null}. */
    private String validate() {
        String problem = connect.validate();
        if (problem == null) {
            problem = tls.validate();
        }
        String reclaimed = null;
        if (problem == null && reclaim != null) {
            reclaimed = RoomCode.parse(reclaim).orElse(null);
            if (reclaimed == null) {
                problem = "--reclaim: " + RoomCode.whyNot(reclaim);
            } else if (bank != null || operations != null || digits != null || rounds != null || timeLimit != null
                    || seed != null || noLateJoin) {
                problem = "--reclaim takes the room back as it was: leave out the question options (--bank, --ops,"
                        + " --digits, --rounds, --time-limit, --seed, --no-late-join)";
            }
        }
        if (problem == null && bank != null && (operations != null || digits != null)) {
            problem = "--bank and --ops/--digits exclude each other: ask the bank's questions, or arithmetic";
        }
        if (problem == null && bank != null && !Files.exists(bank)) {
            problem = "--bank: no such file: " + TerminalText.sanitize(bank.toString());
        }
        if (problem == null && bank != null && bankFormat == null
                && BankFormat.fromFileName(bank.getFileName().toString()).isEmpty()) {
            problem = "--bank: cannot tell the format of " + TerminalText.sanitize(bank.toString())
                    + " from its extension: name it .gift, .txt or .csv, or give --bank-format gift or csv";
        }
        if (problem == null && tokenFile != null && !Files.exists(tokenFile)) {
            problem = "--token-file: no such file: " + TerminalText.sanitize(tokenFile.toString());
        }
        if (problem == null && operations != null && operations.isEmpty()) {
            problem = "--ops: name at least one of add, sub, mul, div";
        }
        if (problem == null && digits != null && (digits < 1 || digits > 9)) {
            problem = "--digits: " + digits + " (expected: 1..9)";
        }
        if (problem == null && rounds != null && (rounds < 1 || rounds > 0xFFFF)) {
            problem = "--rounds: " + rounds + " (expected: 1..65535)";
        }
        if (problem == null && timeLimit != null && (timeLimit.toMillis() < 1 || timeLimit.toMillis() > 0xFFFFFFFFL)) {
            problem = "--time-limit: " + timeLimit + " (expected: at least 1 ms)";
        }
        if (problem == null && startWhen != null && startWhen < 1) {
            problem = "--start-when: " + startWhen + " (expected: at least 1 player)";
        }
        if (problem == null) {
            problem = PlayerName.problem(name);
        }
        if (problem == null) {
            problem = serverTimeout.validate();
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        return reclaimed;
    }

    private BankFormat format() {
        return bankFormat != null ? bankFormat : BankFormat.fromFileName(bank.getFileName().toString()).orElseThrow();
    }

    /**
     * The bank's text, checked as the server will check it: the host sees every problem before anything
     * is sent, with the file's line numbers.
     */
    private String readBank(SessionRenderer renderer) {
        ParsedBank parsed;
        byte[] bytes;
        BankLimits limits = BankLimits.defaults();
        try {
            long size = Files.size(bank);
            if (size > limits.maxFileBytes()) {
                throw new ParameterException(spec.commandLine(), "--bank: " + TerminalText.sanitize(bank.toString())
                        + " is " + size + " bytes (expected: <= " + limits.maxFileBytes() + ")");
            }
            bytes = Files.readAllBytes(bank);
            parsed = new BankReader(limits).parse(bytes, format());
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--bank: no such file: "
                    + TerminalText.sanitize(bank.toString()));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--bank: cannot read "
                    + TerminalText.sanitize(bank.toString()) + ": " + e.getMessage());
        }
        String file = bank.toString();
        for (Diagnostic diagnostic : parsed.diagnostics()) {
            renderer.notice(diagnostic.format(file));
        }
        if (!parsed.valid()) {
            throw new ParameterException(spec.commandLine(), "--bank: " + TerminalText.sanitize(file) + " has "
                    + parsed.errorCount() + (parsed.errorCount() == 1 ? " error" : " errors")
                    + " (listed above): fix them and host again (quiz-server bank check " + file + " checks it too)");
        }
        if (parsed.questions().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--bank: " + TerminalText.sanitize(file)
                    + " holds no question that can be asked");
        }
        // Valid UTF-8 once the reader accepted it.
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String readToken() {
        try {
            return HostTokenFile.read(tokenFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
