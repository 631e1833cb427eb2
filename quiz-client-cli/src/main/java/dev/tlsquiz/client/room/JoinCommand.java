package dev.tlsquiz.client.room;

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
import dev.tlsquiz.client.play.AnswerSource;
import dev.tlsquiz.client.play.LineEditor;
import dev.tlsquiz.client.play.PlaySession;
import dev.tlsquiz.client.play.PlaySettings;
import dev.tlsquiz.client.play.SessionLineEditor;
import dev.tlsquiz.client.render.RoomView;
import dev.tlsquiz.client.render.SessionRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    @Mixin
    private OutputOption output;

    @Option(names = "--seat-dir", paramLabel = "DIR",
            description = "Keep the seat tokens of the rooms you join in DIR (default: $HOME/.tlsquiz/rooms).")
    private Path seatDir;

    @Mixin
    private RoomServerTimeoutOption serverTimeout;

    @Mixin
    private VerboseOption verbose;

    private final Terminal terminal;

    public JoinCommand(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    @Override
    public Integer call() {
        NettyJfrEvents.skip();
        String room = validate();
        PlaySettings settings = settings();
        LineEditor editor = SessionLineEditor.open(settings.mode(), terminal, output.format(), JoinCommand.class);
        SessionRenderer renderer = SessionRenderer.create(output.format(), terminal, editor != null);
        try {
            SeatTokens tokens = new SeatTokens(seatDir != null ? seatDir : SeatTokens.defaultDir());
            Optional<String> kept = keptToken(tokens, room, renderer);
            JoinSeat seat = new JoinSeat(room, settings.playerName(), tokens, kept, RoomView.create(renderer, terminal));
            PlaySession session = new PlaySession(settings, terminal, renderer, tls::createTls,
                    ClientTimeouts.forServerTimeout(serverTimeout.duration()), verbose.on(), editor, seat);
            return session.run();
        } catch (ClientFailure failure) {
            return FailureReport.exitCode(renderer, failure, verbose.on(), JoinCommand.class);
        } catch (RuntimeException e) {
            return FailureReport.exitCode(renderer, Failures.internal(e), verbose.on(), JoinCommand.class);
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
        if (problem == null) {
            problem = AnswerSource.conflict(auto, answers);
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
        return room.orElseThrow();
    }

    private PlaySettings settings() {
        AnswerSource source = AnswerSource.choose(auto, answers, terminal, spec.commandLine());
        // Rounds 0: a room's host chose them, not the player.
        return new PlaySettings(connect.host(), connect.port(), connect.connectTimeout(),
                PlayerName.resolve(name, "player"), 0, source.mode(), source.lines(), source.fromTerminal(),
                tls.usesKnownHosts() ? tls.knownHostsFile() : null);
    }
}
