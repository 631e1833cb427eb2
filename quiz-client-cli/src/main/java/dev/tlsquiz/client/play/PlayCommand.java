package dev.tlsquiz.client.play;

import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.ConnectOptions;
import dev.tlsquiz.client.FailureReport;
import dev.tlsquiz.client.Failures;
import dev.tlsquiz.client.NettyJfrEvents;
import dev.tlsquiz.client.OutputOption;
import dev.tlsquiz.client.PlayerName;
import dev.tlsquiz.client.ServerTimeoutLimit;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.client.TlsOptions;
import dev.tlsquiz.client.VerboseOption;
import dev.tlsquiz.client.VersionProvider;
import dev.tlsquiz.client.net.ClientTimeouts;
import dev.tlsquiz.client.render.SessionRenderer;
import dev.tlsquiz.codec.Hello;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code quiz play}: one quiz session against a server, played by a person at the terminal, by
 * a script of answers ({@code --answers}) or by the built-in solver ({@code --auto}).
 */
@Command(name = "play", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Play one quiz session against a tlsquiz server.",
            "At a terminal you type the answers ('help' lists the commands, 'quit' ends the session); with"
                    + " --answers or piped"
                    + " stdin each line is one answer; with --auto the client solves the arithmetic itself.",
            "Choices are answered with a letter or a number (several as a,c)."
        })
public final class PlayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectOptions connect;

    @Mixin
    private TlsOptions tls;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Your player name (default: your user name).")
    private String name;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Ask for N rounds (default: the server's choice).")
    private Integer rounds;

    @Option(names = "--answers", paramLabel = "FILE|-",
            description = "Read one answer per line from FILE, or from stdin with '-'; each line is sent"
                    + " as written (a letter or letters such as a,c for choices, a number, or text); a line"
                    + " of the wrong form is named on stderr and sent all the same.")
    private String answers;

    @Option(names = "--auto", description = "Answer the arithmetic problems automatically; other questions"
            + " are named on the output and left to time out.")
    private boolean auto;

    @Mixin
    private OutputOption output;

    @Option(names = "--server-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Give up on a server that sends no complete message for this long, or is this late"
                    + " with a reply (a verdict may take the problem's time limit plus at most 10 s)"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration serverTimeout;

    @Mixin
    private VerboseOption verbose;

    private final Terminal terminal;

    public PlayCommand(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    @Override
    public Integer call() {
        NettyJfrEvents.skip();
        validate();
        PlaySettings settings = settings();
        LineEditor editor = SessionLineEditor.open(settings.mode(), terminal, output.format(), PlayCommand.class);
        SessionRenderer renderer = SessionRenderer.create(output.format(), terminal, editor != null);
        try {
            PlaySession session = new PlaySession(settings, terminal, renderer, tls::createTls,
                    ClientTimeouts.forServerTimeout(serverTimeout), verbose.on(), editor);
            return session.run();
        } catch (ClientFailure failure) {
            return FailureReport.exitCode(renderer, failure, verbose.on(), PlayCommand.class);
        } catch (RuntimeException e) {
            return FailureReport.exitCode(renderer, Failures.internal(e), verbose.on(), PlayCommand.class);
        }
    }

    private void validate() {
        String problem = connect.validate();
        if (problem == null) {
            problem = tls.validate();
        }
        if (problem == null) {
            problem = AnswerSource.conflict(auto, answers);
        }
        if (problem == null && rounds != null && (rounds < 1 || rounds > 0xFFFF)) {
            problem = "--rounds: " + rounds + " (expected: 1..65535)";
        }
        if (problem == null) {
            problem = PlayerName.problem(name);
        }
        if (problem == null) {
            problem = ServerTimeoutLimit.problem(serverTimeout);
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    private PlaySettings settings() {
        AnswerSource source = AnswerSource.choose(auto, answers, terminal, spec.commandLine());
        return new PlaySettings(connect.host(), connect.port(), connect.connectTimeout(),
                PlayerName.resolve(name, "player"), rounds == null ? Hello.SERVER_DEFAULT_ROUNDS : rounds,
                source.mode(), source.lines(), source.fromTerminal(), tls.usesKnownHosts() ? tls.knownHostsFile() : null);
    }
}
