package dev.tlsquiz.bench.load;

import org.HdrHistogram.Histogram;

/**
 * One measured quantity of a run, such as {@code roundtrips} or {@code full_handshakes}.
 *
 * @param name          what was counted
 * @param count         how many completed while measuring
 * @param seconds       how long this quantity was measured
 * @param perSecond     {@code count / seconds}
 * @param latencyMicros the latency of each one (for a round trip: from its intended send time)
 * @param histogram     the latency histogram (nanoseconds), HdrHistogram compressed, base64
 */
public record Metric(String name, long count, double seconds, double perSecond, LatencySummary latencyMicros,
                     String histogram) {

    /** The metric of {@code latencies} measured over {@code seconds}. */
    public static Metric of(String name, Histogram latencies, double seconds) {
        long count = latencies.getTotalCount();
        double perSecond = seconds > 0 ? Math.round(count / seconds * 10.0) / 10.0 : 0;
        return new Metric(name, count, seconds, perSecond, LatencySummary.of(latencies), Histograms.encode(latencies));
    }

    /** This metric's latency histogram, decoded. */
    public Histogram decodeHistogram() {
        return Histograms.decode(histogram);
    }
}
