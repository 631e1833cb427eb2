package dev.tlsquiz.client.play;

import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.ConnectOptions;
import dev.tlsquiz.client.Failures;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.client.TlsOptions;
import dev.tlsquiz.client.VersionProvider;
import dev.tlsquiz.client.converters.OutputFormatConverter;
import dev.tlsquiz.client.net.ClientTimeouts;
import dev.tlsquiz.client.render.OutputFormat;
import dev.tlsquiz.client.render.SessionRenderer;
import dev.tlsquiz.codec.Hello;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(PlayCommand.class);

    /** Netty's switch for its buffer-allocation JFR events; read once, when Netty first loads. */
    static final String NETTY_JFR_PROPERTY = "io.netty.jfr.enabled";

    /** Below a second, an ordinary network hiccup would end sessions. */
    static final Duration MIN_SERVER_TIMEOUT = Duration.ofSeconds(1);

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

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            converter = OutputFormatConverter.class, completionCandidates = OutputFormatConverter.class,
            description = "Output format: ${COMPLETION-CANDIDATES}; json is one JSON object per line and event"
                    + " (default: ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Option(names = "--server-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Give up on a server that sends no complete message for this long, or is this late"
                    + " with a reply (a verdict may take the problem's time limit plus at most 10 s)"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration serverTimeout;

    @Option(names = "--verbose", description = "Show connection details and stack traces of failures.")
    private boolean verbose;

    private final Terminal terminal;

    public PlayCommand(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    @Override
    public Integer call() {
        skipNettyJfrEvents();
        validate();
        PlaySettings settings = settings();
        LineEditor editor = lineEditor(settings);
        SessionRenderer renderer = SessionRenderer.create(output, terminal, editor != null);
        try {
            PlaySession session = new PlaySession(settings, terminal, renderer, tls::createTls,
                    ClientTimeouts.forServerTimeout(serverTimeout), verbose, editor);
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

    /**
     * Netty 4.2 describes its buffer allocations as JFR events, and registering the first one starts
     * JFR's machinery (about 100 classes and generated event handlers; its cost is in BENCHMARKS.md,
     * "Start-up") even when nothing is recording. A session allocates a handful of buffers, so it goes
     * without those events; {@code -Dio.netty.jfr.enabled=true} still turns them on.
     */
    public static void skipNettyJfrEvents() {
        if (System.getProperty(NETTY_JFR_PROPERTY) == null) {
            System.setProperty(NETTY_JFR_PROPERTY, "false");
        }
    }

    /**
     * The line editor for a person playing in text at a real terminal (stdin and stdout both), or
     * {@code null}: scripts, pipes, {@code --auto} and JSON read lines plainly, and never load JLine.
     */
    private LineEditor lineEditor(PlaySettings settings) {
        if (settings.mode() != AnswerMode.INTERACTIVE || !terminal.lineEditing() || output != OutputFormat.TEXT) {
            return null;
        }
        try {
            return TerminalLineEditor.open();
        } catch (IOException | RuntimeException e) {
            // TERM=dumb, or a terminal JLine cannot drive: play on with plain lines, as before.
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

    private void validate() {
        String problem = connect.validate();
        if (problem == null) {
            problem = tls.validate();
        }
        if (problem == null && auto && answers != null) {
            problem = "--auto and --answers exclude each other: let the client solve, or give the answers";
        }
        if (problem == null && rounds != null && (rounds < 1 || rounds > 0xFFFF)) {
            problem = "--rounds: " + rounds + " (expected: 1..65535)";
        }
        if (problem == null && name != null && name.isBlank()) {
            problem = "--name must not be empty";
        }
        if (problem == null && serverTimeout.compareTo(MIN_SERVER_TIMEOUT) < 0) {
            problem = "--server-timeout: " + Failures.millis(serverTimeout.toMillis()) + " is too short (expected: at"
                    + " least " + Failures.millis(MIN_SERVER_TIMEOUT.toMillis()) + ")";
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
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
            // "--answers -", or stdin is a pipe or file: a script of answers.
            mode = AnswerMode.SCRIPTED;
            lines = terminal.in();
            fromTerminal = true;
        }
        return new PlaySettings(connect.host(), connect.port(), connect.connectTimeout(), playerName(),
                rounds == null ? Hello.SERVER_DEFAULT_ROUNDS : rounds, mode, lines, fromTerminal,
                tls.usesKnownHosts() ? tls.knownHostsFile() : null);
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
