package dev.tlsquiz.server.cli;

import ch.qos.logback.classic.Level;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.server.ServerStartException;
import dev.tlsquiz.server.ServerTuning;
import dev.tlsquiz.server.bank.InvalidBankException;
import dev.tlsquiz.text.TerminalText;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code quiz-server serve}, the default command: starts the server, prints one
 * {@code listening on ...} line to standard output, and serves until SIGTERM or SIGINT, then shuts
 * down gracefully (a second signal ends the grace period at once) and exits 0. When it cannot start,
 * the reason is one line on standard error and the exit status says which kind ({@link
 * ServerExitCodes}); 2: invalid options, or a question bank that cannot be served (its problems as
 * {@code quiz-server bank check} prints them). Its options come in one mixin per part of the configuration.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ServerVersionProvider.class,
        description = "Start the quiz server (the default command).")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ListenOptions listening;

    @Mixin
    private TlsSourceOptions tls;

    @Mixin
    private GameOptions game;

    @Mixin
    private TimeoutOptions timeouts;

    @Mixin
    private LimitOptions limits;

    @Mixin
    private RoomOptions rooms;

    @Mixin
    private TuningOptions tuning;

    @Option(names = "--verbose", description = "Debug logging, and stack traces for failures.")
    private boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = toConfig();
        if (verbose) {
            enableDebugLogging();
        }
        // Before anything slow: a SIGTERM during startup then stops the server as soon as it is up.
        ShutdownRequests requests = new ShutdownRequests();
        ShutdownSignals signals = ShutdownSignals.install(requests::signalled);
        try {
            return serve(config, requests);
        } finally {
            signals.close();
        }
    }

    private int serve(ServerConfig config, ShutdownRequests requests) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        QuizServer server;
        try {
            server = QuizServer.builder(config).tuning(toTuning()).start();
        } catch (InvalidBankException e) {
            // The bank's own text is quoted in its lines: escaped, as bank check does.
            for (String line : e.lines()) {
                err.println(TerminalText.sanitize(line));
            }
            err.println("quiz-server: cannot serve the question banks; fix them (see 'quiz-server bank check FILE')"
                    + " and start again");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        } catch (ServerStartException e) {
            // The message may quote a certificate or CRL file (an issuer's name), which whoever made it chose.
            err.println("quiz-server: " + TerminalText.sanitize(e.getMessage()));
            err.flush();
            LOG.debug("the server could not start", e);
            return ServerExitCodes.of(e.reason());
        }
        out.println(server.listeningLine());
        out.flush();
        requests.serving(server);
        requests.awaitFirst();
        server.shutdownGracefully();
        return ServerExitCodes.OK;
    }

    /**
     * The configuration the options describe.
     *
     * @throws ParameterException (exit status 2) when a value or a combination is not acceptable
     */
    ServerConfig toConfig() {
        try {
            return new ServerConfig(listening.toListening(), tls.toTlsSource(), game.toGameRules(),
                    limits.toLimits(), timeouts.toTimeouts(), rooms.toRoomRules());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * The fast paths the options choose.
     *
     * @throws ParameterException (exit status 2) when one is not available here
     */
    ServerTuning toTuning() {
        try {
            return tuning.toTuning();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static void enableDebugLogging() {
        if (LoggerFactory.getLogger("dev.tlsquiz") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.DEBUG);
        }
    }
}
