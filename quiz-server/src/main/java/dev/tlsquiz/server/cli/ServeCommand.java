package dev.tlsquiz.server;

import ch.qos.logback.classic.Level;
import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.cli.TlsMinVersionConverter;
import dev.tlsquiz.server.converters.ClientAuthConverter;
import dev.tlsquiz.server.converters.OperationConverter;
import dev.tlsquiz.server.converters.TlsProviderConverter;
import dev.tlsquiz.server.quiz.Operation;
import dev.tlsquiz.text.TerminalText;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.TlsProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code quiz-server serve}, the default command: starts the server, prints one
 * {@code listening on ...} line to standard output, and serves until SIGTERM or SIGINT, then shuts
 * down gracefully and exits 0. Exit status 1: the server could not start (the reason is one line on
 * standard error); 2: invalid options.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ManifestVersionProvider.class,
        description = "Start the quiz server (the default command).")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--bind", defaultValue = ServerConfig.DEFAULT_BIND_ADDRESS, paramLabel = "ADDRESS",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--port", defaultValue = "26062", paramLabel = "PORT",
            description = "TCP port; 0 picks any free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--certs-dir", defaultValue = "certs", paramLabel = "DIR",
            description = "Folder of the development PKI, created on first run (default: ${DEFAULT-VALUE}).")
    private Path certsDir;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "Server certificate chain (PEM), with --key (default: the development PKI in --certs-dir).")
    private Path cert;

    @Option(names = "--key", paramLabel = "FILE",
            description = "Server private key (PEM, mode 0600), with --cert.")
    private Path key;

    @Option(names = "--client-auth", defaultValue = "none", paramLabel = "MODE",
            converter = ClientAuthConverter.class,
            description = "Client certificates: none, optional or require (default: ${DEFAULT-VALUE}).")
    private ClientAuthMode clientAuth;

    @Option(names = "--client-ca", paramLabel = "FILE",
            description = "CA that signs client certificates (default: ca.pem in --certs-dir when client auth is on).")
    private Path clientCa;

    @Option(names = "--crl", paramLabel = "FILE",
            description = "Revoked client certificates (PEM CRL from the client CA), reloaded when it changes; it"
                    + " need not exist yet (default: crl.pem beside the client CA).")
    private Path crl;

    @Option(names = "--tls-provider", defaultValue = "auto", paramLabel = "PROVIDER",
            converter = TlsProviderConverter.class,
            description = "TLS implementation: auto, openssl or jdk (default: ${DEFAULT-VALUE}).")
    private TlsProvider tlsProvider;

    @Option(names = "--tls-min", defaultValue = "1.3", paramLabel = "VERSION",
            converter = TlsMinVersionConverter.class,
            description = "Oldest TLS version accepted: 1.3 or 1.2 (default: ${DEFAULT-VALUE}).")
    private TlsProfile tlsProfile;

    @Option(names = "--tls-groups", defaultValue = "X25519:P-256", split = ":", paramLabel = "GROUP[:GROUP...]",
            description = "Key exchange groups, most preferred first, in OpenSSL's names (OpenSSL provider only;"
                    + " default: ${DEFAULT-VALUE}).")
    private List<String> tlsGroups;

    @Option(names = "--rounds", defaultValue = "10", paramLabel = "N",
            description = "Rounds per session when the player does not ask for a number (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--max-rounds", defaultValue = "1000", paramLabel = "N",
            description = "Most rounds a player may ask for; more is capped (default: ${DEFAULT-VALUE}).")
    private int maxRounds;

    @Option(names = "--ops", defaultValue = "add", split = ",", paramLabel = "OP",
            converter = OperationConverter.class,
            description = "Operations, comma separated: add, sub, mul, div (default: ${DEFAULT-VALUE}).")
    private List<Operation> operations;

    @Option(names = "--digits", defaultValue = "2", paramLabel = "N",
            description = "Digits per operand, 1..9 (default: ${DEFAULT-VALUE}).")
    private int digits;

    @Option(names = "--time-limit", defaultValue = "30s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Time per problem, such as " + DurationConverter.FORMS + " (default: ${DEFAULT-VALUE}).")
    private Duration timeLimit;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for the problems: every session gets the same sequence (default: random).")
    private Long seed;

    @Option(names = "--handshake-timeout", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Longest a TLS handshake may take (default: ${DEFAULT-VALUE}).")
    private Duration handshakeTimeout;

    @Option(names = "--hello-timeout", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Longest wait for HELLO after the handshake (default: ${DEFAULT-VALUE}).")
    private Duration helloTimeout;

    @Option(names = "--idle-timeout", defaultValue = "60s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Close a connection that sends nothing this long; above --time-limit (default: ${DEFAULT-VALUE}).")
    private Duration idleTimeout;

    @Option(names = "--max-frame-bytes", defaultValue = "16384", paramLabel = "BYTES",
            description = "Largest frame accepted (default: ${DEFAULT-VALUE}).")
    private int maxFrameBytes;

    @Option(names = "--max-connections", defaultValue = "10000", paramLabel = "N",
            description = "Most connections open at once; more are reset before any TLS work (default: ${DEFAULT-VALUE}).")
    private int maxConnections;

    @Option(names = "--max-connections-per-ip", defaultValue = "1000", paramLabel = "N",
            description = "Most connections open at once from one client address (an IPv6 /64 counts as one);"
                    + " players behind one NAT share it (default: ${DEFAULT-VALUE}).")
    private int maxConnectionsPerIp;

    @Option(names = "--max-messages-per-second", defaultValue = "1000", paramLabel = "N",
            description = "Messages per second one connection may send, bursts up to twice that; a flood gets"
                    + " ERROR RATE_LIMITED (default: ${DEFAULT-VALUE}).")
    private int maxMessagesPerSecond;

    @Option(names = "--slow-consumer-timeout", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Close a connection whose client reads nothing of what is sent for this long"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration slowConsumerTimeout;

    @Option(names = "--shutdown-grace", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "On SIGTERM/SIGINT, how long sessions in progress may finish (default: ${DEFAULT-VALUE}).")
    private Duration shutdownGrace;

    @Option(names = "--transport", defaultValue = "auto", paramLabel = "KIND",
            converter = dev.tlsquiz.server.converters.TransportConverter.class,
            description = "I/O transport: auto (native epoll where it loads, NIO elsewhere), epoll or nio"
                    + " (default: ${DEFAULT-VALUE}).")
    private ServerTuning.Transport transport;

    @Option(names = "--flush-consolidation", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Send the messages written while handling one read in one TLS record and one write"
                    + " (default: on; --no-flush-consolidation flushes every message on its own).")
    private boolean flushConsolidation;

    @Option(names = "--allocator", defaultValue = "adaptive", paramLabel = "KIND",
            converter = dev.tlsquiz.server.converters.AllocatorConverter.class,
            description = "Buffer allocator: adaptive (Netty 4.2's) or pooled (default: ${DEFAULT-VALUE}).")
    private ServerTuning.Allocator allocator;

    @Option(names = "--event-loop-threads", defaultValue = "0", paramLabel = "N",
            description = "Event-loop threads serving connections; 0 = one per CPU (default: ${DEFAULT-VALUE}).")
    private int eventLoopThreads;

    @Option(names = "--tcp-nodelay", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Send each flush at once (TCP_NODELAY) instead of letting Nagle's algorithm hold small"
                    + " segments back for an acknowledgement (default: on).")
    private boolean tcpNoDelay;

    @Option(names = "--verbose", description = "Debug logging, and stack traces for failures.")
    private boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = toConfig();
        if (verbose) {
            enableDebugLogging();
        }
        // Before anything slow: a SIGTERM during startup then stops the server as soon as it is up.
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean signalled = new AtomicBoolean();
        ShutdownSignals signals = ShutdownSignals.install(signal -> {
            if (signalled.compareAndSet(false, true)) {
                LOG.info("{} received", signal);
                stop.countDown();
            } else {
                LOG.info("{} received; already shutting down, waiting up to {} for sessions to finish", signal,
                        Durations.format(config.shutdownGrace()));
            }
        });
        try {
            return serve(config, stop);
        } finally {
            signals.close();
        }
    }

    private int serve(ServerConfig config, CountDownLatch stop) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        QuizServer server;
        try {
            server = QuizServer.start(config, toTuning());
        } catch (ServerStartException e) {
            // The message may quote a certificate or CRL file (an issuer's name), which whoever made it chose.
            err.println("quiz-server: " + TerminalText.sanitize(e.getMessage()));
            err.flush();
            LOG.debug("the server could not start", e);
            return CommandLine.ExitCode.SOFTWARE;
        }
        out.println(server.listeningLine());
        out.flush();
        stop.await();
        server.shutdownGracefully();
        return CommandLine.ExitCode.OK;
    }

    /**
     * The configuration the options describe.
     *
     * @throws ParameterException (exit status 2) when a value or a combination is not acceptable
     */
    ServerConfig toConfig() {
        try {
            return ServerConfig.builder()
                    .bindAddress(bind)
                    .port(port)
                    .certsDir(certsDir)
                    .certificate(cert, key)
                    .clientAuth(clientAuth, clientCa)
                    .crlFile(crl)
                    .tlsProvider(tlsProvider)
                    .tlsProfile(tlsProfile)
                    .tlsGroups(tlsGroups)
                    .rounds(rounds)
                    .maxRounds(maxRounds)
                    .operations(operations.isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(operations))
                    .digits(digits)
                    .timeLimit(timeLimit)
                    .seed(seed == null ? OptionalLong.empty() : OptionalLong.of(seed))
                    .handshakeTimeout(handshakeTimeout)
                    .helloTimeout(helloTimeout)
                    .idleTimeout(idleTimeout)
                    .maxFrameBytes(maxFrameBytes)
                    .shutdownGrace(shutdownGrace)
                    .maxConnections(maxConnections)
                    .maxConnectionsPerIp(maxConnectionsPerIp)
                    .maxMessagesPerSecond(maxMessagesPerSecond)
                    .slowConsumerTimeout(slowConsumerTimeout)
                    .build();
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
            ServerTuning tuning = new ServerTuning(transport, flushConsolidation, allocator, eventLoopThreads,
                    tcpNoDelay);
            tuning.transport().resolve();
            return tuning;
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
