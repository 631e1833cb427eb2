package dev.tlsquiz.bench.load;

import java.util.Locale;
import java.util.Map;

/** The result of a run as a few lines for a person. */
final class TextReport {

    private TextReport() {
    }

    static String format(BenchResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s against %s at %s (%s, %s), %d connections in %d process%s%s%n",
                r.scenario(), r.peer(), r.target(), r.tlsProvider(), r.transport(), r.connections(), r.processes(),
                r.processes() == 1 ? "" : "es",
                r.rateTarget() > 0 ? String.format(Locale.ROOT, ", open loop at %.0f/s", r.rateTarget()) : ""));
        for (Metric m : r.metrics()) {
            LatencySummary l = m.latencyMicros();
            out.append(String.format(Locale.ROOT,
                    "  %-20s %,12.1f /s (%,d in %.1f s)  latency us: p50 %,.0f  p90 %,.0f  p99 %,.0f  p99.9 %,.0f  max %,.0f%n",
                    m.name(), m.perSecond(), m.count(), m.seconds(), l.p50(), l.p90(), l.p99(), l.p999(), l.max()));
        }
        if (!r.gauges().isEmpty()) {
            out.append("  gauges:");
            new java.util.TreeMap<>(r.gauges()).forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
            out.append(System.lineSeparator());
        }
        out.append("  errors:");
        if (r.errors().isEmpty()) {
            out.append(" none");
        }
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(r.errors()).entrySet()) {
            out.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        out.append(System.lineSeparator());
        return out.toString();
    }
}
