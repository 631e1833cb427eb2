package dev.tlsquiz.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency distribution, in microseconds.
 *
 * @param count number of samples
 * @param mean  mean
 * @param p50   median
 * @param p90   90th percentile
 * @param p99   99th percentile
 * @param p999  99.9th percentile
 * @param max   largest sample
 */
public record LatencySummary(long count, double mean, double p50, double p90, double p99, double p999, double max) {

    /** The summary of a nanosecond histogram. */
    public static LatencySummary of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(nanos.getTotalCount(), micros(nanos.getMean()),
                micros(nanos.getValueAtPercentile(50)), micros(nanos.getValueAtPercentile(90)),
                micros(nanos.getValueAtPercentile(99)), micros(nanos.getValueAtPercentile(99.9)),
                micros(nanos.getMaxValue()));
    }

    private static double micros(double nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }
}
