package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramMergeTest {

    @Test
    void decode_whenEncoded_thenSameDistribution() {
        Histogram original = Histograms.newHistogram();
        for (long v = 1_000; v <= 1_000_000; v += 997) {
            original.recordValue(v);
        }

        Histogram decoded = Histograms.decode(Histograms.encode(original));

        assertEquals(original.getTotalCount(), decoded.getTotalCount());
        assertEquals(original.getValueAtPercentile(99), decoded.getValueAtPercentile(99));
        assertEquals(original.getMaxValue(), decoded.getMaxValue());
    }

    @Test
    void merge_whenTwoProcesses_thenPercentilesComeFromTheUnionNotAnAverage() {
        // One process saw 990 fast round trips, the other 10 slow ones: the merged p99 is fast and
        // the p99.9 slow, which no average of the two p99s (50 µs and 10 ms) would give.
        Histogram fast = Histograms.newHistogram();
        fast.recordValueWithCount(50_000, 990);
        Histogram slow = Histograms.newHistogram();
        slow.recordValueWithCount(10_000_000, 10);

        BenchResult merged = ResultMerger.merge(List.of(
                result(Metric.of("roundtrips", fast, 10.0), Map.of("held_sessions", 5L), Map.of("closed_by_peer", 1L)),
                result(Metric.of("roundtrips", slow, 10.0), Map.of("held_sessions", 7L), Map.of("closed_by_peer", 2L))));

        Metric roundtrips = merged.metric("roundtrips");
        assertEquals(1_000, roundtrips.count());
        assertEquals(100.0, roundtrips.perSecond(), 1e-9);
        assertEquals(50.0, roundtrips.latencyMicros().p99(), 0.1);
        assertEquals(10_000.0, roundtrips.latencyMicros().p999(), 10.0);
        assertEquals(12L, merged.gauges().get("held_sessions"));
        assertEquals(3L, merged.errors().get("closed_by_peer"));
        assertEquals(2, merged.processes());
        assertEquals(20, merged.connections());
        assertEquals(1_000, Histograms.decode(roundtrips.histogram()).getTotalCount());
    }

    @Test
    void merge_whenScenariosDiffer_thenRefused() {
        BenchResult a = result(Metric.of("roundtrips", Histograms.newHistogram(), 1), Map.of(), Map.of());
        BenchResult b = new BenchResult("idle", "quiz", "t", "p", "nio", 1, 1, 0, 1, List.of(), Map.of(), Map.of());

        assertThrows(IllegalArgumentException.class, () -> ResultMerger.merge(List.of(a, b)));
    }

    @Test
    void decode_whenNotAHistogram_thenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Histograms.decode("bm90IGEgaGlzdG9ncmFt"));
    }

    private static BenchResult result(Metric metric, Map<String, Long> gauges, Map<String, Long> errors) {
        return new BenchResult("roundtrips", "quiz", "127.0.0.1:1", "OpenSSL (BoringSSL)", "epoll", 10, 1, 0, 10.0,
                List.of(metric), gauges, errors);
    }
}
