package dev.tlsquiz.server.cli;

import ch.qos.logback.classic.Level;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.server.ServerStartException;
import dev.tlsquiz.server.ServerTuning;
import dev.tlsquiz.server.bank.InvalidBankException;
import dev.tlsquiz.server.cli.results.DatabaseOptions;
import dev.tlsquiz.server.metrics.PrometheusServerMetrics;
import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.server.results.ResultWriter;
import dev.tlsquiz.server.results.store.DatabaseLocation;
import dev.tlsquiz.server.results.store.GameStores;
import dev.tlsquiz.server.results.store.ResultsStore;
import dev.tlsquiz.server.services.ResultSink;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.text.TerminalText;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
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
 * {@code quiz-server bank check} prints them); 6: the results store cannot be opened. Its options come in one
 * mixin per part of the configuration.
 *
 * <p>Results are kept by default (SQLite in {@code data/}); the store is opened, and migrated, before
 * the server listens. On shutdown the games still waiting to be kept are written within what is left
 * of the grace period, but at least {@link #LEAST_DRAIN}, before the store closes.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ServerVersionProvider.class,
        description = "Start the quiz server (the default command).")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /**
     * The least time the results writer gets at shutdown to keep the games still queued, even after a
     * grace period that is over: their players were not shown their results, but keeping them is better.
     */
    static final Duration LEAST_DRAIN = Duration.ofSeconds(5);

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

    @Mixin
    private DatabaseOptions database;

    @Mixin
    private ResultsOptions results;

    @Mixin
    private MetricsOptions metrics;

    @Option(names = "--verbose", description = "Debug logging, and stack traces for failures.")
    private boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = toConfig();
        DatabaseLocation location = database.toLocation();
        Optional<InetSocketAddress> metricsAddress = toMetricsAddress(config);
        if (verbose) {
            enableDebugLogging();
        }
        // Before anything slow: a SIGTERM during startup then stops the server as soon as it is up.
        ShutdownRequests requests = new ShutdownRequests();
        ShutdownSignals signals = ShutdownSignals.install(requests::signalled);
        try {
            return serve(config, location, metricsAddress, requests);
        } finally {
            signals.close();
        }
    }

    private int serve(ServerConfig config, DatabaseLocation location, Optional<InetSocketAddress> metricsAddress,
                      ShutdownRequests requests) throws InterruptedException {
        // The meters live as long as the server: closed (the JVM's GC listener removed) once it has stopped.
        try (PrometheusServerMetrics exported = metricsAddress.isPresent() ? new PrometheusServerMetrics() : null) {
            return serve(config, location, new Exposure(metricsAddress, exported), requests);
        }
    }

    /** Where the metrics are served (if at all), and the meters behind them. */
    private record Exposure(Optional<InetSocketAddress> address, PrometheusServerMetrics meters) {
        ServerMetrics metrics() {
            return meters != null ? meters : ServerMetrics.none();
        }
    }

    private int serve(ServerConfig config, DatabaseLocation location, Exposure exposure, ShutdownRequests requests)
            throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerTuning tuning = toTuning();
        ResultWriter writer = null;
        if (location.keepsResults()) {
            try {
                writer = openWriter(config, location, exposure.metrics());
            } catch (GameStoreException e) {
                // The database's words may quote a path or a server's reply: shown sanitised.
                err.println("quiz-server: " + TerminalText.sanitize(e.getMessage()) + "; fix the database or pass"
                        + " --database none to keep no results");
                err.flush();
                LOG.debug("the results store could not be opened", e);
                return ServerExitCodes.RESULTS_STORE;
            }
        } else {
            LOG.info("results are not kept (--database none): a finished game survives only as its log line");
        }
        try {
            return serve(config, location, tuning, writer, exposure, requests, out, err);
        } finally {
            if (writer != null) {
                // Normally drained already, after the shutdown; here for a server that did not start.
                writer.close(Duration.ZERO);
            }
        }
    }

    private static ResultWriter openWriter(ServerConfig config, DatabaseLocation location, ServerMetrics metrics)
            throws GameStoreException {
        ResultsStore store = GameStores.open(location);
        // Past the queue's capacity, only games that were running when it filled still come: at most
        // one per connection.
        return new ResultWriter(store, config.results().queueCapacity(),
                config.results().queueCapacity() + config.limits().maxConnections(), metrics);
    }

    private int serve(ServerConfig config, DatabaseLocation location, ServerTuning tuning, ResultWriter writer,
                      Exposure exposure, ShutdownRequests requests, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        QuizServer server;
        try {
            QuizServer.Builder builder = QuizServer.builder(config).tuning(tuning)
                    .results(writer != null ? writer : ResultSink.none());
            exposure.address().ifPresent(address -> builder.exposeMetrics(address, exposure.meters()));
            server = builder.start();
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
        if (writer != null) {
            LOG.info("keeping results in {}", location.describe());
        }
        requests.serving(server);
        requests.awaitFirst();
        long shutdownBegan = System.nanoTime();
        server.shutdownGracefully();
        if (writer != null) {
            Duration left = config.timeouts().shutdownGrace().minusNanos(System.nanoTime() - shutdownBegan);
            writer.close(left.compareTo(LEAST_DRAIN) > 0 ? left : LEAST_DRAIN);
        }
        return ServerExitCodes.OK;
    }

    /**
     * Where {@code --metrics} serves, checked not to be the quiz port.
     *
     * @throws ParameterException (exit status 2) when it is the quiz port's address and port
     */
    Optional<InetSocketAddress> toMetricsAddress(ServerConfig config) {
        Optional<InetSocketAddress> address = metrics.toAddress();
        if (address.isPresent() && address.get().getPort() != 0
                && address.get().getPort() == config.listening().port()) {
            throw new ParameterException(spec.commandLine(), "--metrics uses port " + address.get().getPort()
                    + ", the quiz port (--port); give the metrics a port of their own, such as 9464");
        }
        return address;
    }

    /**
     * The configuration the options describe.
     *
     * @throws ParameterException (exit status 2) when a value or a combination is not acceptable
     */
    ServerConfig toConfig() {
        try {
            return new ServerConfig(listening.toListening(), tls.toTlsSource(), game.toGameRules(),
                    limits.toLimits(), timeouts.toTimeouts(), results.toResultsKeeping(), rooms.toRoomRules());
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
