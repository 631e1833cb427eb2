package dev.tlsquiz.client.room;

import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.ConnectOptions;
import dev.tlsquiz.client.Failures;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.client.TlsOptions;
import dev.tlsquiz.client.VersionProvider;
import dev.tlsquiz.client.converters.OutputFormatConverter;
import dev.tlsquiz.client.net.ClientTimeouts;
import dev.tlsquiz.client.play.AnswerMode;
import dev.tlsquiz.client.play.LineEditor;
import dev.tlsquiz.client.NettyJfrEvents;
import dev.tlsquiz.client.play.PlaySession;
import dev.tlsquiz.client.play.PlaySettings;
import dev.tlsquiz.client.play.TerminalLineEditor;
import dev.tlsquiz.client.render.OutputFormat;
import dev.tlsquiz.client.render.RoomView;
import dev.tlsquiz.client.render.SessionRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code quiz join CODE}: a seat in a room a host opened. The questions, answers and verdicts are
 * played as in {@code quiz play} (a person at the terminal, {@code --answers} or {@code --auto}); the room
 * adds the lobby, the wait for the others, the standings and the final rank. The seat token is kept in
 * {@code --seat-dir}, so that joining the same code again after a drop takes the seat back.
 */
@Command(name = "join", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Join a room a host opened, with the code the host gives (such as K7Q-2MF; any case, the dash"
                    + " optional).",
            "Everyone gets the same question at the same moment; the verdicts and the standings come when the"
                    + " question closes. Joining the same code again after a drop takes your seat back, score"
                    + " and all."
        })
public final class JoinCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(JoinCommand.class);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE", description = "The room's code, such as K7Q-2MF.")
    private String code;

    @Mixin
    private ConnectOptions connect;

    @Mixin
    private TlsOptions tls;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Your name in the room (default: your user name; with --cert, the certificate's).")
    private String name;

    @Option(names = "--answers", paramLabel = "FILE|-",
            description = "Read one answer per line from FILE, or from stdin with '-', as quiz play does.")
    private String answers;

    @Option(names = "--auto", description = "Answer the arithmetic questions automatically; leave the others"
            + " to time out.")
    private boolean auto;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            converter = OutputFormatConverter.class, completionCandidates = OutputFormatConverter.class,
            description = "Output format: ${COMPLETION-CANDIDATES}; json is one JSON object per line and event"
                    + " (default: ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Option(names = "--seat-dir", paramLabel = "DIR",
            description = "Keep the seat tokens of the rooms you join in DIR (default: $HOME/.tlsquiz/rooms).")
    private Path seatDir;

    @Option(names = "--server-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Give up on a server that sends nothing, not even a heartbeat's answer, for this long"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration serverTimeout;

    @Option(names = "--verbose", description = "Show connection details and stack traces of failures.")
    private boolean verbose;

    private final Terminal terminal;

    public JoinCommand(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    @Override
    public Integer call() {
        NettyJfrEvents.skip();
        String room = validate();
        PlaySettings settings = settings();
        LineEditor editor = lineEditor(settings);
        SessionRenderer renderer = SessionRenderer.create(output, terminal, editor != null);
        try {
            SeatTokens tokens = new SeatTokens(seatDir != null ? seatDir : SeatTokens.defaultDir());
            Optional<String> kept = keptToken(tokens, room, renderer);
            JoinSeat seat = new JoinSeat(room, settings.playerName(), tokens, kept, RoomView.create(renderer, terminal));
            PlaySession session = new PlaySession(settings, terminal, renderer, tls::createTls,
                    ClientTimeouts.forServerTimeout(serverTimeout), verbose, editor, seat);
            return session.run();
        } catch (ClientFailure failure) {
            report(renderer, failure);
            return failure.exitCode();
        } catch (RuntimeException e) {
            ClientFailure failure = Failures.internal(e);
            report(renderer, failure);
            return failure.exitCode();
        }
    }

    private static Optional<String> keptToken(SeatTokens tokens, String room, SessionRenderer renderer) {
        try {
            return tokens.load(room);
        } catch (IOException e) {
            renderer.notice("cannot read the seat token of room " + room + " in " + tokens.dir() + " ("
                    + e.getMessage() + "): joining as a new player");
            return Optional.empty();
        }
    }

    private LineEditor lineEditor(PlaySettings settings) {
        if (settings.mode() != AnswerMode.INTERACTIVE || !terminal.lineEditing() || output != OutputFormat.TEXT) {
            return null;
        }
        try {
            return TerminalLineEditor.open();
        } catch (IOException | RuntimeException e) {
            log.debug("no line editor for this terminal", e);
            return null;
        }
    }

    private void report(SessionRenderer renderer, ClientFailure failure) {
        renderer.failure(failure);
        if (verbose && failure.getCause() != null) {
            log.warn("details of the failure above", failure.getCause());
        }
    }

    /** Checks the options; returns the room's canonical code. */
    private String validate() {
        String problem = connect.validate();
        if (problem == null) {
            problem = tls.validate();
        }
        Optional<String> room = RoomCode.parse(code);
        if (problem == null && room.isEmpty()) {
            problem = RoomCode.whyNot(code);
        }
        if (problem == null && auto && answers != null) {
            problem = "--auto and --answers exclude each other: let the client solve, or give the answers";
        }
        if (problem == null && name != null && name.isBlank()) {
            problem = "--name must not be empty";
        }
        if (problem == null && serverTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            problem = "--server-timeout: " + Failures.millis(serverTimeout.toMillis()) + " is too short (expected: at"
                    + " least 1 s)";
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        return room.orElseThrow();
    }

    private PlaySettings settings() {
        AnswerMode mode;
        InputStream lines;
        boolean fromTerminal;
        if (auto) {
            mode = AnswerMode.AUTO;
            lines = null;
            fromTerminal = false;
        } else if (answers != null && !answers.equals("-")) {
            mode = AnswerMode.SCRIPTED;
            lines = openAnswers(Path.of(answers));
            fromTerminal = false;
        } else if (answers == null && terminal.interactive()) {
            mode = AnswerMode.INTERACTIVE;
            lines = terminal.in();
            fromTerminal = true;
        } else {
            mode = AnswerMode.SCRIPTED;
            lines = terminal.in();
            fromTerminal = true;
        }
        return new PlaySettings(connect.host(), connect.port(), connect.connectTimeout(), playerName(), 0, mode,
                lines, fromTerminal, tls.usesKnownHosts() ? tls.knownHostsFile() : null);
    }

    private String playerName() {
        if (name != null) {
            return name.strip();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "player" : user;
    }

    private InputStream openAnswers(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--answers: no such file: " + file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--answers: cannot read " + file + ": " + e.getMessage());
        }
    }
}
