package dev.tlsquiz.bench.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies of one kind of operation, recorded from any event loop without locks (an HdrHistogram
 * {@link Recorder}) and collected once per second by the bench's ticker thread: the interval feeds
 * the progress line, and only intervals inside a measuring window count toward the result, so the
 * warm-up is discarded without stopping the load.
 */
final class Meter {

    private final String name;
    private final Recorder recorder = new Recorder(Histograms.HIGHEST_TRACKABLE_NANOS, Histograms.SIGNIFICANT_DIGITS);
    private final Histogram total = Histograms.newHistogram();
    private Histogram interval;
    private boolean measuring;
    private long measuringSinceNanos;
    private long measuredNanos;

    Meter(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Records one operation that took {@code nanos}; safe from any thread, never blocks. */
    void record(long nanos) {
        recorder.recordValue(Histograms.clamp(nanos));
    }

    /** Collects what was recorded since the last tick; returns that interval (valid until the next tick). */
    synchronized Histogram tick() {
        interval = recorder.getIntervalHistogram(interval);
        if (measuring) {
            total.add(interval);
        }
        return interval;
    }

    /** From now on, recorded operations count toward the result. */
    synchronized void startMeasuring(long nowNanos) {
        tick();
        measuring = true;
        measuringSinceNanos = nowNanos;
    }

    /** From now on, recorded operations no longer count. */
    synchronized void stopMeasuring(long nowNanos) {
        if (!measuring) {
            return;
        }
        tick();
        measuring = false;
        measuredNanos += nowNanos - measuringSinceNanos;
    }

    /** The result: every operation recorded while measuring. */
    synchronized Metric toMetric() {
        double seconds = Math.round(measuredNanos / 1e6) / 1e3;
        return Metric.of(name, total.copy(), seconds);
    }
}
