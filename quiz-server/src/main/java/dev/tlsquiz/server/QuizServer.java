package dev.tlsquiz.server;

import dev.tlsquiz.server.bank.BankLoader;
import dev.tlsquiz.server.bank.BankReloader;
import dev.tlsquiz.server.certs.PkiAdvice;
import dev.tlsquiz.server.game.GameClock;
import dev.tlsquiz.server.quiz.ArithmeticProblems;
import dev.tlsquiz.server.quiz.BankProblems;
import dev.tlsquiz.server.metrics.MetricsBindException;
import dev.tlsquiz.server.metrics.MetricsHttpLimits;
import dev.tlsquiz.server.metrics.MetricsHttpServer;
import dev.tlsquiz.server.metrics.PrometheusServerMetrics;
import dev.tlsquiz.server.quiz.ProblemSourceFactory;
import dev.tlsquiz.server.results.GameSettings;
import dev.tlsquiz.server.results.InstanceNames;
import dev.tlsquiz.server.services.ResultSink;
import dev.tlsquiz.server.config.RoomHosts;
import dev.tlsquiz.server.room.RoomCodes;
import dev.tlsquiz.server.rooms.HostGate;
import dev.tlsquiz.server.rooms.HostTokenFile;
import dev.tlsquiz.server.rooms.JoinAttempts;
import dev.tlsquiz.server.rooms.LocalRoomRegistry;
import dev.tlsquiz.server.rooms.RoomContext;
import dev.tlsquiz.server.rooms.RoomQuestions;
import dev.tlsquiz.server.rooms.RoomRegistry;
import dev.tlsquiz.server.rooms.RoomServices;
import dev.tlsquiz.server.certs.InstalledCommands;
import dev.tlsquiz.tls.pki.InsecureKeyFileException;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.server.services.SessionIds;
import dev.tlsquiz.text.Counts;
import dev.tlsquiz.text.LogText;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.HostPort;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.pki.Fingerprints;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelGroupFuture;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.Errors;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.io.IOException;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running quiz server: a Netty TLS listener that serves many players at once, each in its own
 * {@link QuizSession}, and live rooms: a connection that opens with HOST or JOIN gets a room session
 * instead ({@link SessionRouter}), and each room runs on one of the worker event loops
 * ({@link dev.tlsquiz.server.rooms.LiveRoom}).
 *
 * <pre>{@code
 * try (QuizServer server = QuizServer.builder(ServerConfig.builder().listening(l -> l.withPort(0)).build()).start()) {
 *     int port = server.localAddress().getPort();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #shutdownGracefully(Duration)} stops accepting connections at once, refuses new HELLOs,
 * lets sessions in progress finish within the grace period, then tells the players still connected
 * that the server is shutting down, closes them and releases the event loops (and the TLS context
 * when the server opened it). {@link #close()} does the same with no grace. Neither may be called
 * from an event loop: they wait.
 */
public final class QuizServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuizServer.class);
    /** How long players told about the shutdown get to receive the ERROR before they are cut off. */
    private static final long FAREWELL_MILLIS = 5_000;
    /** Unsent bytes per connection above which the channel stops being writable. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final ServerConfig config;
    private final ServerTuning tuning;
    private final ServerTls tls;
    private final boolean ownsTls;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final ChannelGroup connections;
    /** Parses the banks hosts send, off the event loops; the server's own unless a test gave one. */
    private ExecutorService roomWork;
    /** Watches the question banks, when they come from files; closed with the server. */
    private BankReloader bankReloader;
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final Object shutdownLock = new Object();
    /** Counted down when the grace period ends early: every session closed, or {@link #endGracePeriod()}. */
    private final CountDownLatch graceOver = new CountDownLatch(1);
    private volatile boolean graceCut;
    private Channel serverChannel;
    /** The --metrics listener, when there is one; closed with the event loops it runs on. */
    private MetricsHttpServer metricsHttp;
    private boolean stopped;

    private QuizServer(Builder services, ServerTls tls, boolean ownsTls) {
        this.config = services.config;
        this.tuning = services.tuning;
        this.tls = tls;
        this.ownsTls = ownsTls;
        this.acceptors = new MultiThreadIoEventLoopGroup(1, tuning.transport().ioHandlerFactory());
        this.workers = new MultiThreadIoEventLoopGroup(tuning.workerThreads(), tuning.transport().ioHandlerFactory());
        this.connections = new DefaultChannelGroup("quiz-connections", GlobalEventExecutor.INSTANCE);
    }

    /**
     * The one way to start a server: the configuration, then whichever service differs from its
     * production default, then {@link Builder#start()}.
     */
    public static Builder builder(ServerConfig config) {
        return new Builder(config);
    }

    /**
     * The server's composition root: every service a session uses is set here, or has its
     * production default.
     */
    public static final class Builder {

        private final ServerConfig config;
        private ServerTuning tuning = ServerTuning.DEFAULTS;
        private ServerTls tls;
        private ProblemSourceFactory problems;
        private ResultSink results = ResultSink.none();
        private ServerMetrics metrics = ServerMetrics.none();
        private RoomRegistry rooms;
        private HostGate hostGate;
        /** The host token file read or created at start ({@code --room-hosts token}); null otherwise. */
        private Path hostTokenFile;
        private Executor roomWork;
        private GameClock clock = GameClock.system();
        private SessionIds sessionIds = SessionIds.random();
        private Duration bankReloadInterval = BankReloader.DEFAULT_INTERVAL;
        private InetSocketAddress metricsAddress;
        private PrometheusServerMetrics exposedMetrics;
        private MetricsHttpLimits metricsLimits = MetricsHttpLimits.DEFAULTS;

        private Builder(ServerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * The fast paths ({@code --transport}, {@code --[no-]flush-consolidation}, {@code --allocator},
         * {@code --event-loop-threads}). Default: {@link ServerTuning#DEFAULTS}.
         */
        public Builder tuning(ServerTuning tuning) {
            this.tuning = Objects.requireNonNull(tuning, "tuning");
            return this;
        }

        /**
         * An already open TLS context; the caller keeps ownership and closes it after the server.
         * Default: the context the configuration describes (the development PKI unless a certificate
         * is given), opened at start, and closed by the server on shutdown. Such a server logs at INFO what
         * it did to the development PKI, and once it listens, how clients connect ({@link ConnectHint}).
         */
        public Builder tls(ServerTls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Where questions come from. Default: the banks of the configuration ({@code --bank}), read at
         * start and reloaded when they change, or else the arithmetic generator it describes.
         */
        public Builder problems(ProblemSourceFactory problems) {
            this.problems = Objects.requireNonNull(problems, "problems");
            return this;
        }

        /**
         * How often the bank files are checked for changes. Default:
         * {@link BankReloader#DEFAULT_INTERVAL}.
         */
        public Builder bankReloadInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("bank reload interval: " + interval + " (expected: positive)");
            }
            this.bankReloadInterval = interval;
            return this;
        }

        /** Where the results of played sessions go. Default: {@link ResultSink#none()}. */
        public Builder results(ResultSink results) {
            this.results = Objects.requireNonNull(results, "results");
            return this;
        }

        /** Counters of the server's games. Default: {@link ServerMetrics#none()}. */
        public Builder metrics(ServerMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * Counts with {@code metrics} (as {@link #metrics} does) and serves them over plain HTTP on {@code
         * address} ({@code --metrics}), with the health checks, on the server's event loops. Default: no
         * metrics listener.
         */
        public Builder exposeMetrics(InetSocketAddress address, PrometheusServerMetrics metrics) {
            this.metricsAddress = Objects.requireNonNull(address, "address");
            this.exposedMetrics = Objects.requireNonNull(metrics, "metrics");
            this.metrics = metrics;
            return this;
        }

        /** The bounds of the metrics listener's requests. Default: {@link MetricsHttpLimits#DEFAULTS}. */
        public Builder metricsLimits(MetricsHttpLimits limits) {
            this.metricsLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The open rooms. Default: a {@link LocalRoomRegistry} of at most {@code --max-rooms}. */
        public Builder rooms(RoomRegistry rooms) {
            this.rooms = Objects.requireNonNull(rooms, "rooms");
            return this;
        }

        /**
         * Who may open rooms. Default: as {@code --room-hosts} says; under {@code token}, the token in the
         * certs folder's {@code host-token}, created at the first start. A server given its TLS context
         * ({@link #tls}) leaves the certs folder alone: without a gate, it lets host certificates host.
         */
        public Builder hostGate(HostGate hostGate) {
            this.hostGate = Objects.requireNonNull(hostGate, "hostGate");
            return this;
        }

        /**
         * Where the banks hosts send are parsed. Default: two threads of the server's own with a bounded
         * queue (a host beyond it gets SERVER_BUSY).
         */
        public Builder roomWork(Executor roomWork) {
            this.roomWork = Objects.requireNonNull(roomWork, "roomWork");
            return this;
        }

        /**
         * The clock games are timed by; it must agree with the scheduler of the event loops (or of a
         * test's channel). Default: {@link GameClock#system()}.
         */
        public Builder clock(GameClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where session ids come from. Default: {@link SessionIds#random()}. */
        public Builder sessionIds(SessionIds sessionIds) {
            this.sessionIds = Objects.requireNonNull(sessionIds, "sessionIds");
            return this;
        }

        /**
         * Opens TLS unless a context was given, binds and returns once the server listens.
         *
         * @throws ServerStartException when TLS cannot be set up or the address cannot be bound;
         *     {@link dev.tlsquiz.server.bank.InvalidBankException} when a question bank cannot be served
         */
        public QuizServer start() throws ServerStartException {
            boolean fromBanks = problems == null && config.game().banks().any();
            // The banks first: a bank that cannot be served stops the start before anything is opened.
            BankLoader bankLoader = fromBanks ? new BankLoader(config.game().banks(), config.limits().maxFrameBytes(),
                    config.timeouts().idleTimeout()) : null;
            BankReloader reloader = fromBanks ? new BankReloader(bankLoader, bankReloadInterval) : null;
            QuizServer server = null;
            try {
                BankProblems banks = fromBanks ? servedBanks(bankLoader, reloader) : null;
                boolean ownsTls = tls == null;
                PkiAdvice advice = PkiAdvice.forCertsDir(config.tls().certsDir());
                ServerTlsSetup.Opened opened = ownsTls ? ServerTlsSetup.open(config, advice) : null;
                // What happened to the PKI's files is told at once, whether or not the port can be bound.
                if (opened != null) {
                    opened.devPki().ifPresent(report -> advice.notices(report).forEach(line -> LOG.info("{}", line)));
                }
                ServerTls serverTls = ownsTls ? opened.tls() : tls;
                server = new QuizServer(this, serverTls, ownsTls);
                server.bankReloader = reloader;
                if (hostGate == null) {
                    // A server given its TLS context (an embedding, a test) does not touch the certs folder.
                    hostGate = ownsTls ? hostGate() : HostGate.certificate();
                }
                if (roomWork == null) {
                    server.roomWork = newRoomWork();
                    roomWork = server.roomWork;
                }
                server.bind(environment(serverTls.clientAuth(), server.shuttingDown::get,
                        banks != null ? banks : questions()));
                if (metricsAddress != null) {
                    server.exposeMetrics(metricsAddress, exposedMetrics, results, metricsLimits);
                }
                // Only now is the hint true: a server that could not bind has told nobody how to connect.
                if (opened != null) {
                    ConnectHint.lines(new ConnectHint.Facts(advice.commands(), config.listening().bindAddress(),
                            server.localAddress().getPort(), serverTls.clientAuth(), serverTls.certificate(),
                            opened.devPki(), ConnectHint.machineAddresses(), Optional.ofNullable(hostTokenFile)))
                            .forEach(line -> LOG.info("{}", line));
                }
                return server;
            } catch (ServerStartException | RuntimeException e) {
                if (server != null) {
                    server.releaseResources();
                } else if (reloader != null) {
                    reloader.close();
                }
                throw e;
            }
        }

        /** Who may host, as {@code --room-hosts} says; under {@code token} the token file is read or created. */
        private HostGate hostGate() throws ServerStartException {
            RoomHosts mode = config.rooms().hosts();
            switch (mode) {
                case ANYONE -> {
                    LOG.warn("--room-hosts anyone: whoever can connect may open rooms; for a demo on one machine only");
                    return HostGate.anyone();
                }
                case CERT -> {
                    LOG.info("room hosts: client certificates issued with '{} certs client NAME --role host'",
                            InstalledCommands.current().quizServer());
                    return HostGate.certificate();
                }
                default -> {
                    try {
                        HostTokenFile.Loaded token = HostTokenFile.loadOrCreate(config.tls().certsDir(),
                                new SecureRandom());
                        // The token itself is never logged: only where it is, and the command that reads it.
                        // The command that uses it is a line of the connect hint, once the port is known.
                        LOG.info("room hosts: {} the host token {}", token.created() ? "created" : "using",
                                LogText.value(token.file().toString()));
                        hostTokenFile = token.file();
                        return HostGate.token(token.token());
                    } catch (InsecureKeyFileException e) {
                        throw new ServerStartException(ServerStartException.Reason.KEY_PERMISSIONS, e.getMessage()
                                + "; it is a secret: chmod 600 " + e.file(), e);
                    } catch (IOException e) {
                        throw new ServerStartException(ServerStartException.Reason.TLS_SETUP, "cannot read or create"
                                + " the host token in " + config.tls().certsDir() + ": " + e.getMessage()
                                + " (or start with --room-hosts cert)", e);
                    }
                }
            }
        }

        private static ExecutorService newRoomWork() {
            java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
            return new ThreadPoolExecutor(2, 2, 30, java.util.concurrent.TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(16), task -> {
                        Thread thread = new Thread(task, "tlsquiz-room-banks-" + threads.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    }, new ThreadPoolExecutor.AbortPolicy());
        }

        /** The first load of the banks, handed to the reloader that has watched them since before it. */
        private BankProblems servedBanks(BankLoader loader, BankReloader reloader) throws ServerStartException {
            BankProblems banks = new BankProblems(loader.load(), config.game().banks().order(),
                    config.game().banks().repeat(), config.game().seed());
            LOG.info("serving {} questions from {}", banks.size(), LogText.value(loader.files().toString()));
            reloader.serve(banks);
            return banks;
        }

        /**
         * What the sessions share, for a TLS context that asks {@code clientAuth} of clients, with the
         * questions set by {@link #problems} or else the arithmetic generator (banks are read by
         * {@link #start()} only).
         */
        SessionEnvironment environment(ClientAuthMode clientAuth, BooleanSupplier shuttingDown) {
            return environment(clientAuth, shuttingDown, questions());
        }

        private ProblemSourceFactory questions() {
            return problems != null ? problems
                    : new ArithmeticProblems(config.game().operations(), config.game().digits(), config.game().seed());
        }

        private SessionEnvironment environment(ClientAuthMode clientAuth, BooleanSupplier shuttingDown,
                                               ProblemSourceFactory questions) {
            String serverName = ServerVersion.serverName();
            String instance = InstanceNames.of(config.results(), config.listening().port());
            RoomRegistry registry = rooms != null ? rooms
                    : new LocalRoomRegistry(config.rooms().maxRooms(), new RoomCodes(new SecureRandom()));
            RoomServices roomServices = new RoomServices(
                    new RoomContext(config.rooms(), registry, results, metrics, clock, serverName, instance,
                            config.results()),
                    // Without start() (a test's environment), hosting needs a host certificate, and banks are
                    // parsed on the calling thread, which keeps an EmbeddedChannel test deterministic.
                    hostGate != null ? hostGate : HostGate.certificate(),
                    new JoinAttempts(config.rooms().joinAttempts()),
                    new RoomQuestions(questions, config.game(), config.rooms().maxBankBytes(),
                            config.limits().maxFrameBytes()),
                    roomWork != null ? roomWork : Runnable::run);
            return new SessionEnvironment(config, clientAuth, serverName, shuttingDown, questions,
                    results, metrics, roomServices, clock, sessionIds, instance, GameSettings.describe(config.game()));
        }
    }

    private void bind(SessionEnvironment env) throws ServerStartException {
        InetSocketAddress address = bindAddress();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(tuning.transport().serverSocketChannelClass())
                // A restarted server can bind while connections of the previous one linger in TIME_WAIT.
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                // Small messages, each waited for by a player: send them now, not after Nagle's delay.
                .childOption(ChannelOption.TCP_NODELAY, tuning.tcpNoDelay())
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childOption(ChannelOption.ALLOCATOR, tuning.allocator().instance())
                .childHandler(new QuizServerInitializer(tls, env, connections, tuning.flushConsolidation()));
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw bindFailure(address, bound.cause());
        }
        serverChannel = bound.channel();
        LOG.debug("{}", listeningLine());
    }

    private void exposeMetrics(InetSocketAddress address, PrometheusServerMetrics metrics, ResultSink results,
                               MetricsHttpLimits limits) throws ServerStartException {
        metrics.bindServer(Map.of("acceptor", acceptors, "worker", workers), tuning.allocator().instance(), results);
        try {
            metricsHttp = MetricsHttpServer.bind(address, acceptors, workers, tuning.transport().serverSocketChannelClass(),
                    metrics, () -> readiness(results), limits);
        } catch (MetricsBindException e) {
            throw new ServerStartException(ServerStartException.Reason.CANNOT_LISTEN, "cannot serve --metrics on "
                    + HostPort.format(address.getAddress().getHostAddress(), address.getPort()) + ": "
                    + e.getCause().getMessage() + "; pass --metrics with an address of this machine and a free port",
                    e);
        }
        InetSocketAddress local = metricsHttp.localAddress();
        String url = "http://" + HostPort.format(local.getAddress().getHostAddress(), local.getPort());
        if (local.getAddress().isLoopbackAddress()) {
            LOG.info("metrics on {}/metrics, health checks on {}/health/live and {}/health/ready", url, url, url);
        } else {
            LOG.warn("metrics on {}/metrics, health checks on {}/health/live and {}/health/ready: not a loopback"
                    + " address, so anyone who can reach it can read them (plain HTTP, no authentication)", url, url, url);
        }
    }

    /** Why the server does not want new players now ({@code /health/ready}), if it does not. */
    private Optional<String> readiness(ResultSink results) {
        if (shuttingDown.get()) {
            return Optional.of("draining: the server is shutting down and starts no new sessions");
        }
        if (!results.accepting()) {
            return Optional.of("busy: the results store's queue is full");
        }
        return Optional.empty();
    }

    /** The address of the {@code --metrics} listener, when the server has one. */
    public Optional<InetSocketAddress> metricsAddress() {
        return Optional.ofNullable(metricsHttp).map(MetricsHttpServer::localAddress);
    }

    private InetSocketAddress bindAddress() throws ServerStartException {
        try {
            return new InetSocketAddress(InetAddress.getByName(config.listening().bindAddress()),
                    config.listening().port());
        } catch (UnknownHostException e) {
            throw new ServerStartException(ServerStartException.Reason.CANNOT_LISTEN, "cannot resolve --bind address '"
                    + config.listening().bindAddress() + "'; pass an IP address of this machine, such as 127.0.0.1 or"
                    + " 0.0.0.0", e);
        }
    }

    private ServerStartException bindFailure(InetSocketAddress address, Throwable cause) {
        String host = address.getAddress().getHostAddress();
        String reason = String.valueOf(cause.getMessage());
        // NIO reports a taken port as BindException, native epoll as NativeIoException (EADDRINUSE).
        if ((cause instanceof BindException || cause instanceof Errors.NativeIoException) && reason.contains("in use")) {
            return new ServerStartException(ServerStartException.Reason.CANNOT_LISTEN, "port " + address.getPort()
                    + " on " + host + " is already in use; stop the other server or pass --port N", cause);
        }
        return new ServerStartException(ServerStartException.Reason.CANNOT_LISTEN, "cannot listen on "
                + HostPort.format(host, address.getPort()) + ": " + reason
                + "; pass --bind with an address of this machine and a free --port", cause);
    }

    /** The address the server listens on, with the actual port when it was started with port 0. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** The TLS context in use. */
    public ServerTls tls() {
        return tls;
    }

    /** The fast paths the server runs with. */
    public ServerTuning tuning() {
        return tuning;
    }

    /** The configuration the server runs with. */
    public ServerConfig config() {
        return config;
    }

    /** Open connections: players in a session, and connections still in the handshake or before HELLO. */
    public int connectedSessions() {
        return connections.size();
    }

    /** Whether a shutdown has begun. */
    public boolean isShuttingDown() {
        return shuttingDown.get();
    }

    /**
     * The line printed when the server is up, such as
     * {@code listening on 127.0.0.1:26062 (TLS 1.3, OpenSSL (BoringSSL), certificate SHA256:..., key pin SHA256:...)}:
     * the certificate fingerprint, and the key pin players pass to {@code --pin}.
     * Scripts and tests parse it: keep its shape.
     */
    public String listeningLine() {
        InetSocketAddress local = localAddress();
        String host = local.getAddress().getHostAddress();
        String hostPort = HostPort.format(host, local.getPort());
        String versions = tls.profile() == TlsProfile.MODERN ? "TLS 1.3" : "TLS 1.2+1.3";
        X509Certificate served = tls.certificate();
        return "listening on " + hostPort + " (" + versions + ", " + tls.providerName() + ", certificate "
                + Fingerprints.certificate(served) + ", key pin " + Fingerprints.publicKeyPin(served) + ")";
    }

    /** Shuts down with the configured grace period ({@code --shutdown-grace}). */
    public void shutdownGracefully() {
        shutdownGracefully(config.timeouts().shutdownGrace());
    }

    /**
     * Stops accepting connections, lets sessions in progress finish for up to {@code grace} (less if
     * {@link #endGracePeriod()} is called), then ends the rest with ERROR SERVER_SHUTTING_DOWN and
     * releases everything. Returns when done;
     * calling it again (or concurrently) waits for the first call to finish.
     */
    public void shutdownGracefully(Duration grace) {
        synchronized (shutdownLock) {
            if (stopped) {
                return;
            }
            shuttingDown.set(true);
            serverChannel.close().awaitUninterruptibly();
            LOG.info("shutting down: {} in progress, waiting up to {}", Counts.of(connections.size(), "session"),
                    Durations.format(grace));
            ChannelGroupFuture allClosed = connections.newCloseFuture();
            allClosed.addListener(closed -> graceOver.countDown());
            awaitUninterruptibly(graceOver, grace);
            if (!allClosed.isDone()) {
                LOG.info("shutdown grace period {}: ending {} early", graceCut ? "cut short" : "over",
                        Counts.of(connections.size(), "session"));
                for (Channel channel : connections) {
                    channel.pipeline().fireUserEventTriggered(ServerShutdownEvent.INSTANCE);
                }
                if (!connections.newCloseFuture().awaitUninterruptibly(FAREWELL_MILLIS)) {
                    connections.close().awaitUninterruptibly(FAREWELL_MILLIS);
                }
            }
            releaseResources();
            stopped = true;
            LOG.info("server stopped");
        }
    }

    /**
     * Ends the grace period of a shutdown now, or of the next one to begin: the players still connected
     * get ERROR SERVER_SHUTTING_DOWN at once. For an operator who does not want to wait (a second Ctrl+C);
     * safe from any thread, any number of times.
     */
    public void endGracePeriod() {
        graceCut = true;
        graceOver.countDown();
    }

    private static void awaitUninterruptibly(CountDownLatch latch, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Shuts down at once: players still connected get ERROR SERVER_SHUTTING_DOWN. */
    @Override
    public void close() {
        shutdownGracefully(Duration.ZERO);
    }

    private void releaseResources() {
        shuttingDown.set(true);
        if (bankReloader != null) {
            bankReloader.close();
        }
        if (roomWork != null) {
            roomWork.shutdownNow();
        }
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        // Last to go before the loops: a probe sees 503 on /health/ready until the sessions are gone.
        if (metricsHttp != null) {
            metricsHttp.close();
        }
        // No quiet period: every connection is closed already, nothing new can arrive.
        io.netty.util.concurrent.Future<?> acceptorsDone = acceptors.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        io.netty.util.concurrent.Future<?> workersDone = workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        acceptorsDone.awaitUninterruptibly(10, TimeUnit.SECONDS);
        workersDone.awaitUninterruptibly(10, TimeUnit.SECONDS);
        if (ownsTls) {
            try {
                tls.close();
            } catch (Exception e) {
                LOG.warn("closing the TLS context failed: {}", e.toString());
            }
        }
    }
}
