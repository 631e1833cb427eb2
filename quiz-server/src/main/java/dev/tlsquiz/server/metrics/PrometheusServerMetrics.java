package dev.tlsquiz.server.metrics;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.MessageType;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.services.LimitHit;
import dev.tlsquiz.server.services.Resumption;
import dev.tlsquiz.server.services.ResultSink;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.server.services.SessionEnd;
import dev.tlsquiz.tls.ServerHandshakeFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The server's metrics in a Micrometer {@link PrometheusMeterRegistry}, exposed by {@link
 * MetricsHttpServer} in the Prometheus text format (or OpenMetrics). Names follow Prometheus
 * conventions: a {@code tlsquiz_} prefix, base units (seconds, bytes), {@code _total} on counters; every
 * label takes its values from a small enum, never from a peer (no names, room codes or addresses).
 *
 * <p>Every counter a hook touches is resolved when this object is built, one per enum value in an
 * array indexed by ordinal: a per-message hook is an array read and an increment (a {@code
 * DoubleAdder}), with no tag lookup. Thread-safe; called from every event loop at once.
 *
 * <p>The JVM's own metrics (memory, GC, threads, classes, CPU, file descriptors, uptime) are bound
 * at construction; the Netty ones (event-loop pending tasks, allocator memory) and the results store's
 * backlog when the server starts ({@link #bindServer}).
 */
public final class PrometheusServerMetrics implements ServerMetrics, AutoCloseable {

    /** Answer time buckets, in seconds: a player answers in about a second to the whole time limit. */
    private static final Duration[] ANSWER_BUCKETS = seconds(0.25, 0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 60, 120);
    /** Room fan-out buckets, in seconds: a question reaching every player of a room. */
    private static final Duration[] FAN_OUT_BUCKETS = seconds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
            0.1, 0.25, 0.5, 1, 2.5);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;

    private final AtomicInteger connectionsOpen = new AtomicInteger();
    private final Counter connectionsAccepted;
    private final Counter[] limitHits;
    private final Counter[] handshakesOk;
    private final Counter handshakesFailed;
    private final Counter[] handshakeFailures;
    private final Counter[] messagesIn;
    private final Counter[] messagesOut;
    private final Counter[] errorsSent;
    private final Counter sessionsStarted;
    private final AtomicInteger sessionsActive = new AtomicInteger();
    private final Counter[] sessionsEnded;
    private final Counter[] verdicts;
    private final Timer answerTime;
    private final Counter roomsOpened;
    private final AtomicInteger roomsOpen = new AtomicInteger();
    private final AtomicInteger roomPlayers = new AtomicInteger();
    private final Timer roomFanOut;
    private final Counter resultsWritten;
    private final Counter resultsWriteFailures;
    private final Counter resultsRetries;

    /** A registry of its own, with the JVM's metrics bound. */
    public PrometheusServerMetrics() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MeterRegistry r = registry;
        // Two of Micrometer's own names that promtool's lint refuses: CPU time in nanoseconds (process_cpu_usage
        // says the same in Prometheus's terms) and a gauge ending in _count, which reads as a histogram's.
        r.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
        r.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
            }
        });

        new JvmMemoryMetrics().bindTo(r);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ClassLoaderMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        new FileDescriptorMetrics().bindTo(r);
        new UptimeMetrics().bindTo(r);

        Gauge.builder("tlsquiz.connections.open", connectionsOpen, AtomicInteger::get)
                .description("Connections admitted by the limits and not yet closed (in the handshake, before HELLO,"
                        + " or playing)").register(r);
        connectionsAccepted = Counter.builder("tlsquiz.connections.accepted")
                .description("Connections admitted by the connection limits").register(r);
        limitHits = perValue(LimitHit.class, hit -> Counter.builder("tlsquiz.limit.refusals")
                .description("Connections refused at connect or cut off later by a limit")
                .tag("limit", label(hit)).register(r));
        handshakesOk = perValue(Resumption.class, how -> Counter.builder("tlsquiz.tls.handshakes")
                .description("TLS handshakes by result and whether they resumed a session (unknown: the JDK provider"
                        + " does not say)")
                .tag("result", "success").tag("resumed", switch (how) {
                    case FULL -> "false";
                    case RESUMED -> "true";
                    case UNKNOWN -> "unknown";
                }).register(r));
        handshakesFailed = Counter.builder("tlsquiz.tls.handshakes")
                .description("TLS handshakes by result and whether they resumed a session (unknown: the JDK provider"
                        + " does not say)")
                .tag("result", "failure").tag("resumed", "false").register(r);
        handshakeFailures = perValue(ServerHandshakeFailure.Kind.class, kind ->
                Counter.builder("tlsquiz.tls.handshake.failures")
                        .description("Failed TLS handshakes by reason (as the server's log classifies them)")
                        .tag("reason", label(kind)).register(r));
        messagesIn = perValue(MessageType.class, type -> Counter.builder("tlsquiz.messages.received")
                .description("Whole messages received from clients, by type").tag("type", type.name()).register(r));
        messagesOut = perValue(MessageType.class, type -> Counter.builder("tlsquiz.messages.sent")
                .description("Messages written to clients, by type").tag("type", type.name()).register(r));
        errorsSent = perValue(ErrorCode.class, code -> Counter.builder("tlsquiz.errors.sent")
                .description("ERROR messages sent to clients, by code").tag("code", code.name()).register(r));
        sessionsStarted = Counter.builder("tlsquiz.sessions.started")
                .description("Sessions started: HELLO admitted and WELCOME sent").register(r);
        Gauge.builder("tlsquiz.sessions.active", sessionsActive, AtomicInteger::get)
                .description("Sessions started and not yet ended: players in a game").register(r);
        sessionsEnded = perValue(SessionEnd.class, how -> Counter.builder("tlsquiz.sessions.ended")
                .description("Started sessions that ended, by how").tag("how", label(how)).register(r));
        verdicts = perValue(Judgement.class, outcome -> Counter.builder("tlsquiz.verdicts")
                .description("Problems judged, by outcome").tag("outcome", label(outcome)).register(r));
        answerTime = Timer.builder("tlsquiz.answer.time")
                .description("Time from a PROBLEM sent to its answer judged (answers only, not timeouts)")
                .serviceLevelObjectives(ANSWER_BUCKETS).register(r);
        roomsOpened = Counter.builder("tlsquiz.rooms.opened").description("Rooms opened by hosts").register(r);
        Gauge.builder("tlsquiz.rooms.open", roomsOpen, AtomicInteger::get).description("Rooms open now").register(r);
        Gauge.builder("tlsquiz.room.players", roomPlayers, AtomicInteger::get)
                .description("Players in rooms now").register(r);
        roomFanOut = Timer.builder("tlsquiz.room.fanout")
                .description("Time for a room's question to reach its last player's socket")
                .serviceLevelObjectives(FAN_OUT_BUCKETS).register(r);
        resultsWritten = Counter.builder("tlsquiz.results.writes")
                .description("Games the results store kept").register(r);
        resultsWriteFailures = Counter.builder("tlsquiz.results.write.failures")
                .description("Failed writes to the results store (each is retried)").register(r);
        resultsRetries = Counter.builder("tlsquiz.results.retries")
                .description("Retried writes to the results store").register(r);
    }

    /**
     * Binds what exists only once the server runs: the pending tasks of every event loop of {@code
     * groups} (labelled by group name and the loop's index), the memory of the allocator connections use,
     * and the results store's backlog and whether it accepts games.
     *
     * @param groups    event loop groups by a fixed name ({@code acceptor}, {@code worker})
     * @param allocator the allocator of the server's connections
     * @param results   the server's results store
     */
    public void bindServer(Map<String, EventExecutorGroup> groups, ByteBufAllocator allocator, ResultSink results) {
        groups.forEach((name, group) -> {
            int index = 0;
            for (EventExecutor loop : group) {
                if (loop instanceof SingleThreadEventExecutor executor) {
                    Gauge.builder("tlsquiz.event.loop.pending.tasks", executor, SingleThreadEventExecutor::pendingTasks)
                            .description("Tasks waiting in an event loop's queue: a loop that falls behind grows it")
                            .tag("group", name).tag("loop", Integer.toString(index)).register(registry);
                }
                index++;
            }
        });
        if (allocator instanceof ByteBufAllocatorMetricProvider provider) {
            Gauge.builder("tlsquiz.netty.allocator.used", provider, p -> p.metric().usedDirectMemory())
                    .baseUnit("bytes").description("Memory held by the connections' buffer allocator")
                    .tag("area", "direct").register(registry);
            Gauge.builder("tlsquiz.netty.allocator.used", provider, p -> p.metric().usedHeapMemory())
                    .baseUnit("bytes").description("Memory held by the connections' buffer allocator")
                    .tag("area", "heap").register(registry);
        }
        Gauge.builder("tlsquiz.results.queued", results, ResultSink::queued)
                .description("Games handed to the results store and not yet kept: its backlog").register(registry);
        Gauge.builder("tlsquiz.results.accepting", results, sink -> sink.accepting() ? 1 : 0)
                .description("1 while the results store takes new games, 0 while its queue is full").register(registry);
    }

    /** The registry, for tests and for binding more meters. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Writes every metric to {@code out} in {@code format}. */
    public void scrape(OutputStream out, MetricsFormat format) throws IOException {
        registry.scrape(out, format.contentType());
    }

    @Override
    public void connectionOpened() {
        connectionsOpen.incrementAndGet();
        connectionsAccepted.increment();
    }

    @Override
    public void connectionClosed() {
        connectionsOpen.decrementAndGet();
    }

    @Override
    public void limitHit(LimitHit limit) {
        limitHits[limit.ordinal()].increment();
    }

    @Override
    public void handshakeCompleted(Resumption resumption) {
        handshakesOk[resumption.ordinal()].increment();
    }

    @Override
    public void handshakeFailed(ServerHandshakeFailure.Kind reason) {
        handshakesFailed.increment();
        handshakeFailures[reason.ordinal()].increment();
    }

    @Override
    public void messageReceived(MessageType type) {
        messagesIn[type.ordinal()].increment();
    }

    @Override
    public void messageSent(MessageType type) {
        messagesOut[type.ordinal()].increment();
    }

    @Override
    public void errorSent(ErrorCode code) {
        errorsSent[code.ordinal()].increment();
    }

    @Override
    public void sessionStarted() {
        sessionsStarted.increment();
        sessionsActive.incrementAndGet();
    }

    @Override
    public void sessionEnded(SessionEnd how) {
        sessionsEnded[how.ordinal()].increment();
        sessionsActive.decrementAndGet();
    }

    @Override
    public void judged(Judgement judgement) {
        verdicts[judgement.ordinal()].increment();
    }

    @Override
    public void answered(long nanos) {
        answerTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void roomOpened() {
        roomsOpened.increment();
        roomsOpen.incrementAndGet();
    }

    @Override
    public void roomClosed() {
        roomsOpen.decrementAndGet();
    }

    @Override
    public void roomPlayersChanged(int delta) {
        roomPlayers.addAndGet(delta);
    }

    @Override
    public void roomFanOut(long nanos) {
        roomFanOut.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void resultsWritten() {
        resultsWritten.increment();
    }

    @Override
    public void resultsWriteFailed() {
        resultsWriteFailures.increment();
    }

    @Override
    public void resultsRetried() {
        resultsRetries.increment();
    }

    /** Stops the GC listener the JVM metrics installed, and the registry. */
    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> Counter[] perValue(Class<E> type, Function<E, Counter> make) {
        E[] values = type.getEnumConstants();
        Counter[] counters = new Counter[values.length];
        for (E value : values) {
            counters[value.ordinal()] = make.apply(value);
        }
        return counters;
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return durations;
    }
}
