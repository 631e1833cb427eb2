package dev.tlsquiz.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.cli.EnumOption;
import dev.tlsquiz.cli.TransportConverter;
import dev.tlsquiz.cli.ManifestVersionProvider;
import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.ConnectOptions;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.client.TlsOptions;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.Transport;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code quiz-bench}: a load generator for a tlsquiz server (or the bench peers), so that anyone can
 * measure their own server. Scenarios:
 * <ul>
 *   <li>{@code handshakes}: connect, TLS handshake, close, repeat; full and resumed handshakes
 *       reported separately;</li>
 *   <li>{@code sessions}: players playing whole sessions (answering at once), reconnecting;</li>
 *   <li>{@code roundtrips}: ANSWER→VERDICT (or frame→echo) round trips, back to back per connection,
 *       or at a constant total {@code --rate} with latency from each request's intended send time;</li>
 *   <li>{@code idle}: open sessions, say HELLO, hold them; reports how many are held.</li>
 *   <li>{@code room}: {@code --rooms} hosts open rooms, {@code --connections} players join them and
 *       play {@code --questions} questions together; reports the question fan-out, the standings
 *       after each close, answers judged per second, and every score, verdict and rank the server
 *       gave that differs from the bench's own recomputation ({@link RoomRun}).</li>
 * </ul>
 * The result (HdrHistogram percentiles, throughput, errors by kind) goes to stdout as text or JSON;
 * a progress line goes to stderr once a second. Beyond one process's open-file limit,
 * {@code --processes} forks children and merges their results; beyond one source address's port
 * range, {@code --source-addresses} spreads connections over {@code 127.0.0.1..N}.
 */
@Command(name = "quiz-bench", mixinStandardHelpOptions = true, versionProvider = BenchCommand.Version.class,
        description = {"Load-test a tlsquiz server (or a bench peer) and report throughput and latency.",
                "Progress goes to stderr once a second; the result to stdout."})
public final class BenchCommand implements Callable<Integer> {

    /** Open files a process needs besides its connections (jars, epoll, pipes). */
    private static final long SPARE_FILES = 200;

    @Mixin
    private ConnectOptions connect;

    @Mixin
    private TlsOptions tlsOptions;

    @Option(names = "--scenario", defaultValue = "roundtrips", paramLabel = "NAME",
            converter = Scenarios.class, completionCandidates = Scenarios.class,
            description = "What to measure: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Scenario scenario;

    @Option(names = "--peer", defaultValue = "quiz", paramLabel = "KIND", converter = PeerConverter.class,
            completionCandidates = PeerConverter.class,
            description = "What the server is: ${COMPLETION-CANDIDATES}; quiz speaks the protocol, echo is the"
                    + " bench echo peer, tls-only does handshakes only, e.g. openssl s_server (default: ${DEFAULT-VALUE}).")
    private Peer peer;

    @Option(names = "--connections", defaultValue = "100", paramLabel = "N",
            description = "Concurrent connections (players) (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--duration", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to measure; the idle scenario holds its sessions this long (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warmup", defaultValue = "2s", paramLabel = "DURATION", converter = WarmupConverter.class,
            description = "Load before measuring, not counted (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "PER_SECOND",
            description = "roundtrips: total requests per second in open loop, latency timed from each"
                    + " request's intended send time; 0 = closed loop, as fast as possible (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--rounds", defaultValue = "65535", paramLabel = "N",
            description = "roundtrips against a quiz server: rounds asked for per session (the server caps"
                    + " them at its --max-rounds) (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--handshake-mode", defaultValue = "both", paramLabel = "MODE",
            converter = HandshakeModes.class, completionCandidates = HandshakeModes.class,
            description = "handshakes: ${COMPLETION-CANDIDATES}, each measured for --duration (default: ${DEFAULT-VALUE}).")
    private HandshakeMode handshakeMode;

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
            converter = OutputFormats.class, completionCandidates = OutputFormats.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Option(names = "--source-addresses", defaultValue = "1", paramLabel = "N",
            description = "Spread connections over the source addresses 127.0.0.1..127.0.0.N, each with its own"
                    + " ephemeral port range; loopback targets only (default: ${DEFAULT-VALUE}).")
    private int sourceAddresses;

    @Option(names = "--processes", defaultValue = "1", paramLabel = "N",
            description = "Run N processes sharing the connections, to pass the open-file limit of one"
                    + " process; results are merged (default: ${DEFAULT-VALUE}).")
    private int processes;

    @Option(names = "--transport", defaultValue = "auto", paramLabel = "KIND",
            converter = TransportConverter.class, completionCandidates = TransportConverter.class,
            description = "I/O transport: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Transport transport;

    @Option(names = "--threads", paramLabel = "N",
            description = "Event-loop threads (default: the number of CPUs).")
    private Integer threads;

    @Option(names = "--connect-window", defaultValue = "256", paramLabel = "N",
            description = "idle: connections allowed in their connect and handshake at once (default: ${DEFAULT-VALUE}).")
    private int connectWindow;

    @Option(names = "--ping-interval", defaultValue = "20s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "idle, room: send a PING this often so the server's idle timeout keeps the session"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration pingInterval;

    @Option(names = "--rooms", defaultValue = "1", paramLabel = "N",
            description = "room: rooms played at once, each with its own host; --connections players are shared"
                    + " evenly among them (default: ${DEFAULT-VALUE}).")
    private int rooms;

    @Option(names = "--questions", defaultValue = "3", paramLabel = "N",
            description = "room: questions in each room's game (default: ${DEFAULT-VALUE}).")
    private int questions;

    @Option(names = "--wrong-percent", defaultValue = "25", paramLabel = "PERCENT",
            description = "room: the share of answers sent deliberately wrong, to check the verdicts"
                    + " (default: ${DEFAULT-VALUE}).")
    private int wrongPercent;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "room: seed the questions and the choice of wrong answers (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--host-token-file", paramLabel = "FILE",
            description = "room: read the server's host token from FILE (a server started with --room-hosts token);"
                    + " not needed with --room-hosts anyone.")
    private Path hostTokenFile;

    @Option(names = "--all-connections", hidden = true,
            description = "Set by a --processes parent of a room run: the players over all processes.")
    private Integer allConnections;

    @Option(names = "--first-connection", defaultValue = "0", hidden = true,
            description = "Set by a --processes parent: the global index of this child's first connection.")
    private int firstConnection;

    @Option(names = "--child", hidden = true, description = "Set by a --processes parent.")
    private boolean child;

    @Spec
    private CommandSpec spec;

    private final Terminal terminal;

    public BenchCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintStream err = terminal.err();
        String usage = validate();
        if (usage != null) {
            // One line and a pointer, exit status 2, like a parse error (QuizBenchMain's UsageErrors).
            throw new ParameterException(spec.commandLine(), usage);
        }
        ObjectMapper json = new ObjectMapper();
        BenchResult result;
        try {
            if (scenario == Scenario.ROOM) {
                result = child ? roomChild(err) : runRoom(json, err);
            } else if (processes > 1) {
                List<String> benchArgs = spec.commandLine().getParseResult().originalArgs();
                long timeout = 120 + 3 * (warmup.toSeconds() + 2 * duration.toSeconds()) + connections / 50;
                result = ResultMerger.merge(new ChildProcesses(json, err)
                        .run(benchArgs, Shares.split(connections, rate, processes), timeout));
            } else {
                result = runHere(err);
            }
        } catch (ClientFailure failure) {
            err.println("quiz-bench: " + failure.getMessage());
            return failure.exitCode();
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            err.println("quiz-bench: " + e.getMessage());
            return ExitCodes.INTERNAL_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("quiz-bench: interrupted; no result");
            return ExitCodes.INTERNAL_ERROR;
        }
        try {
            if (output == OutputFormat.JSON) {
                terminal.out().println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            } else {
                terminal.out().print(TextReport.format(result));
            }
        } catch (IOException e) {
            err.println("quiz-bench: cannot write the result: " + e.getMessage());
            return ExitCodes.INTERNAL_ERROR;
        }
        if (scenario == Scenario.ROOM && !child && RoomRun.scoresWrong(result)) {
            err.println("quiz-bench: the server's scores, verdicts or ranks differ from the bench's recomputation,"
                    + " or players never finished (see score_mismatches, verdict_mismatches, rank_mismatches and"
                    + " players_unfinished above)");
            return ExitCodes.PROTOCOL_ERROR;
        }
        if (nothingWorked(result)) {
            Map.Entry<String, Long> top = result.errors().entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElse(Map.entry("none", 0L));
            err.println("quiz-bench: nothing succeeded against " + result.target() + " (most errors: " + top.getKey()
                    + "); check --host, --port, --peer and --cafile, and that the server runs");
            return ExitCodes.CONNECT_FAILED;
        }
        return ExitCodes.OK;
    }

    private BenchResult runHere(PrintStream err) {
        BenchSettings settings = settings();
        String label = "bench " + scenario.name().toLowerCase(Locale.ROOT);
        try (ClientTls tls = tlsOptions.createTls(); BenchClient client = newClient(settings, tls)) {
            return new BenchRun(settings, client, err, label).run();
        }
    }

    /** A room run: the hosts here, the players here too or in {@code --processes} children. */
    private BenchResult runRoom(ObjectMapper json, PrintStream err) throws IOException, InterruptedException {
        BenchSettings settings = settings();
        RoomPlan plan = roomPlan(connections);
        String token = hostToken();
        EpochClock clock = EpochClock.calibrated();
        try (ClientTls tls = tlsOptions.createTls(); BenchClient client = newClient(settings, tls)) {
            PlayerFleet fleet = processes > 1
                    ? new RoomChildren(json, err, spec.commandLine().getParseResult().originalArgs(),
                            Shares.split(connections, 0, processes), connections, plan.rounds())
                    : new RoomPlayers(client, settings, plan, clock, new ErrorCounts());
            return new RoomRun(settings, plan, token, client, clock, new ErrorCounts(), fleet, processes, err).run();
        }
    }

    /** One child of a room run: its share of the players, steered through stdin ({@link RoomChild}). */
    private BenchResult roomChild(PrintStream err) throws IOException, InterruptedException {
        BenchSettings settings = settings();
        int total = allConnections != null ? allConnections : connections;
        RoomPlan plan = roomPlan(total);
        EpochClock clock = EpochClock.calibrated();
        try (ClientTls tls = tlsOptions.createTls(); BenchClient client = newClient(settings, tls)) {
            RoomPlayers players = new RoomPlayers(client, settings, plan, clock, new ErrorCounts());
            try {
                PlayerFleet.Outcome outcome = new RoomChild(players, plan, err).run(terminal.in());
                return new BenchResult("room", "quiz", settings.host() + ":" + settings.port(), client.providerName(),
                        client.transportName(), connections, 1, 0, 0, outcome.metrics(), outcome.gauges(),
                        outcome.errors());
            } finally {
                players.close();
            }
        }
    }

    private RoomPlan roomPlan(int players) {
        return new RoomPlan(rooms, players / rooms, questions, wrongPercent, seed);
    }

    private String hostToken() throws IOException {
        if (hostTokenFile == null) {
            return "";
        }
        String token = Files.readString(hostTokenFile, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw new IOException("--host-token-file " + hostTokenFile + " is empty; pass the file the server wrote");
        }
        return token;
    }

    private BenchSettings settings() {
        return new BenchSettings(scenario, peer, connect.host(), connect.port(), connections,
                firstConnection, duration, warmup, rate, rounds, handshakeMode, sourceAddresses, transport,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), connect.connectTimeout(),
                connectWindow, pingInterval);
    }

    private static BenchClient newClient(BenchSettings settings, ClientTls tls) {
        try {
            return new BenchClient(settings, tls);
        } catch (IllegalArgumentException unresolved) {
            throw new ClientFailure(ExitCodes.CONNECT_FAILED, "UNKNOWN_HOST", unresolved.getMessage(), unresolved);
        }
    }

    private static boolean nothingWorked(BenchResult result) {
        long done = result.metrics().stream().mapToLong(Metric::count).sum();
        return done == 0 && result.errorCount() > 0;
    }

    /** @return a usage message, or {@code null} when the options make sense together */
    private String validate() {
        String problem = connect.validate();
        if (problem == null) {
            problem = tlsOptions.validate();
        }
        if (problem != null) {
            return problem;
        }
        if (tlsOptions.usesKnownHosts()) {
            return "bench never asks whether to trust a server: pass --cafile FILE (or --pin SHA256:...)";
        }
        if (connections < 1) {
            return "--connections: " + connections + " (expected: >= 1)";
        }
        if (duration.isZero() || duration.isNegative()) {
            return "--duration must be more than 0, e.g. 10s";
        }
        if (warmup.isNegative()) {
            return "--warmup must not be negative; use 0s for none";
        }
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            return "--rate: " + rate + " (expected: >= 0; 0 = closed loop)";
        }
        if (scenario == Scenario.ROOM) {
            String room = validateRoom();
            if (room != null) {
                return room;
            }
        }
        if (rate > 0 && scenario != Scenario.ROUNDTRIPS) {
            return "--rate applies to --scenario roundtrips only";
        }
        if (rounds < 1 || rounds > 0xFFFF) {
            return "--rounds: " + rounds + " (expected: 1..65535)";
        }
        if (peer == Peer.TLS_ONLY && scenario != Scenario.HANDSHAKES) {
            return "--peer tls-only speaks no protocol: use it with --scenario handshakes";
        }
        if (peer == Peer.ECHO && (scenario == Scenario.SESSIONS || scenario == Scenario.IDLE)) {
            return "--peer echo has no sessions: use it with --scenario roundtrips or handshakes";
        }
        if (sourceAddresses < 1 || sourceAddresses > SourceAddresses.MAX) {
            return "--source-addresses: " + sourceAddresses + " (expected: 1.." + SourceAddresses.MAX + ")";
        }
        if (sourceAddresses > 1 && !isLoopback(connect.host())) {
            return "--source-addresses spreads over 127.0.0.x and works only with a loopback --host such as 127.0.0.1";
        }
        if (processes < 1 || processes > 64 || processes > connections) {
            return "--processes: " + processes + " (expected: 1..64, and at most --connections)";
        }
        if (threads != null && (threads < 1 || threads > 256)) {
            return "--threads: " + threads + " (expected: 1..256)";
        }
        if (connectWindow < 1) {
            return "--connect-window: " + connectWindow + " (expected: >= 1)";
        }
        if (pingInterval.isZero() || pingInterval.isNegative()) {
            return "--ping-interval must be more than 0, e.g. 20s";
        }
        try {
            transport.resolve();
        } catch (IllegalArgumentException noEpoll) {
            return noEpoll.getMessage();
        }
        long perProcess = (connections + processes - 1) / processes;
        long limit = maxOpenFiles();
        if (limit > 0 && perProcess + SPARE_FILES > limit) {
            return perProcess + " connections per process exceed this process's open-file limit (" + limit
                    + "); add --processes " + (connections / Math.max(1, limit - SPARE_FILES) + 1)
                    + " to spread them";
        }
        return null;
    }

    private String validateRoom() {
        if (peer != Peer.QUIZ) {
            return "--scenario room needs a quiz server: leave out --peer";
        }
        int players = allConnections != null ? allConnections : connections;
        if (rooms < 1 || players % rooms != 0 || players / rooms < 2) {
            return "--rooms " + rooms + " with --connections " + players + " (expected: --connections a multiple of"
                    + " --rooms, at least 2 players a room)";
        }
        if (questions < 1 || questions > 0xFFFF) {
            return "--questions: " + questions + " (expected: 1..65535)";
        }
        if (wrongPercent < 0 || wrongPercent > 100) {
            return "--wrong-percent: " + wrongPercent + " (expected: 0..100)";
        }
        if (hostTokenFile != null && !Files.isReadable(hostTokenFile)) {
            return "--host-token-file " + hostTokenFile + " cannot be read; pass the host-token file in the server's"
                    + " certs folder";
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static long maxOpenFiles() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            return ((com.sun.management.UnixOperatingSystemMXBean) os).getMaxFileDescriptorCount();
        }
        return -1;
    }

    /** Reads and lists {@code --scenario}. */
    static final class Scenarios extends EnumOption<Scenario> {

        Scenarios() {
            super(Scenario.class);
        }
    }

    /** Reads and lists {@code --handshake-mode}. */
    static final class HandshakeModes extends EnumOption<HandshakeMode> {

        HandshakeModes() {
            super(HandshakeMode.class);
        }
    }

    /** Reads and lists {@code --output}. */
    static final class OutputFormats extends EnumOption<OutputFormat> {

        OutputFormats() {
            super(OutputFormat.class);
        }
    }

    /** {@code quiz-bench --version}: the version of the jar, the protocol and what it runs on, as {@code quiz}'s. */
    static final class Version extends ManifestVersionProvider {

        Version() {
            super("quiz-bench");
        }

        @Override
        protected String details() {
            return " (protocol " + Protocol.VERSION + ")";
        }
    }
}
