package dev.tlsquiz.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Merges the results of the child processes of one {@code --processes} run into one: counts,
 * rates, gauges and errors add up; latency distributions are merged from the full histograms, so
 * the merged percentiles are exact (percentiles themselves cannot be averaged).
 */
public final class ResultMerger {

    private ResultMerger() {
    }

    /**
     * @param parts at least one result, all of the same scenario and peer
     */
    public static BenchResult merge(List<BenchResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: no child result");
        }
        BenchResult first = parts.get(0);
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Long> gauges = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        int connections = 0;
        double rateTarget = 0;
        double longest = 0;
        for (BenchResult part : parts) {
            if (!part.scenario().equals(first.scenario()) || !part.peer().equals(first.peer())) {
                throw new IllegalArgumentException("cannot merge " + part.scenario() + "/" + part.peer()
                        + " into " + first.scenario() + "/" + first.peer());
            }
            connections += part.connections();
            rateTarget += part.rateTarget();
            longest = Math.max(longest, part.seconds());
            for (Metric metric : part.metrics()) {
                histograms.computeIfAbsent(metric.name(), n -> Histograms.newHistogram()).add(metric.decodeHistogram());
                rates.merge(metric.name(), metric.perSecond(), Double::sum);
                seconds.merge(metric.name(), metric.seconds(), Math::max);
            }
            part.gauges().forEach((k, v) -> gauges.merge(k, v, Long::sum));
            part.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        List<Metric> metrics = new ArrayList<>();
        for (Map.Entry<String, Histogram> entry : histograms.entrySet()) {
            Histogram histogram = entry.getValue();
            // Each process measured its own window of about the same length: rates add up.
            double perSecond = Math.round(rates.get(entry.getKey()) * 10.0) / 10.0;
            metrics.add(new Metric(entry.getKey(), histogram.getTotalCount(), seconds.get(entry.getKey()), perSecond,
                    LatencySummary.of(histogram), Histograms.encode(histogram)));
        }
        return new BenchResult(first.scenario(), first.peer(), first.target(), first.tlsProvider(), first.transport(),
                connections, parts.size(), rateTarget, longest, metrics, gauges, errors);
    }
}
