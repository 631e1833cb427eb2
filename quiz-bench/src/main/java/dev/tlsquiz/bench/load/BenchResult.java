package dev.tlsquiz.bench.load;

import java.util.List;
import java.util.Map;

/**
 * The result of one {@code quiz bench} run, printed as JSON with {@code --output json}; children of
 * a {@code --processes} run print one each and the parent merges them ({@link ResultMerger}).
 *
 * @param scenario      the scenario, lower case
 * @param peer          the kind of server, lower case
 * @param target        {@code host:port}
 * @param tlsProvider   the client's TLS implementation
 * @param transport     the client's Netty transport ({@code epoll} or {@code nio})
 * @param connections   connections (players) over all processes
 * @param processes     processes the load came from
 * @param rateTarget    requested total rate per second in open loop; 0 for closed loop
 * @param seconds       the measured time (after warm-up)
 * @param metrics       what was measured, each with its latency distribution
 * @param gauges        levels at the end of the run, such as {@code held_sessions}
 * @param errors        failures by kind, such as {@code connect_refused} or {@code closed_by_peer}
 */
public record BenchResult(String scenario, String peer, String target, String tlsProvider, String transport,
                          int connections, int processes, double rateTarget, double seconds, List<Metric> metrics,
                          Map<String, Long> gauges, Map<String, Long> errors) {

    public BenchResult {
        metrics = List.copyOf(metrics);
        gauges = Map.copyOf(gauges);
        errors = Map.copyOf(errors);
    }

    /** The metric called {@code name}, or {@code null}. */
    public Metric metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    /** The total number of errors of every kind. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
