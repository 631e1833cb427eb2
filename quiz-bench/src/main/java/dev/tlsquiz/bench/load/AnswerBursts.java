package dev.tlsquiz.bench.load;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Answers judged per second while a question's answers come in, from the hosts' PROGRESS: for each
 * question (over all rooms), the answers the server counted, over the time from the first opening
 * command to the last host's PROGRESS that counted every answering seat of its room. The server
 * judges each answer as it arrives and counts it at once, so that PROGRESS comes after every answer
 * was judged; but it is sent to a host at most every 250 ms (PROTOCOL.md, PROGRESS), so the end of a
 * burst is seen up to 250 ms late and the rate is a lower bound, close for bursts of seconds, coarse
 * for short ones. The burst also includes the fan-out, during which answers already arrive.
 * Safe from any thread.
 */
final class AnswerBursts {

    private final Map<Integer, long[]> byRound = new TreeMap<>();

    /**
     * One room's question {@code round}: opened at {@code openedAt}, every answer counted by
     * {@code countedAt} (epoch nanos), {@code answers} judged.
     */
    synchronized void add(int round, long openedAt, long countedAt, long answers) {
        long[] b = byRound.computeIfAbsent(round, r -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
        b[0] = Math.min(b[0], openedAt);
        b[1] = Math.max(b[1], countedAt);
        b[2] += answers;
    }

    /** Answers counted over all questions. */
    synchronized long answers() {
        return byRound.values().stream().mapToLong(b -> b[2]).sum();
    }

    /** The summed length of every question's burst, in seconds. */
    synchronized double seconds() {
        return byRound.values().stream().mapToLong(b -> Math.max(0, b[1] - b[0])).sum() / 1e9;
    }

    /** Each question's burst length (nanoseconds), one value per question. */
    synchronized Histogram durations() {
        Histogram h = Histograms.newHistogram();
        byRound.values().forEach(b -> h.recordValue(Histograms.clamp(b[1] - b[0])));
        return h;
    }

    /** The metric {@code answers_judged}: answers per second of burst, and the bursts' lengths. */
    Metric toMetric() {
        long answers = answers();
        double seconds = seconds();
        Histogram durations = durations();
        double perSecond = seconds > 0 ? Math.round(answers / seconds * 10.0) / 10.0 : 0;
        return new Metric("answers_judged", answers, Math.round(seconds * 1000) / 1000.0, perSecond,
                LatencySummary.of(durations), Histograms.encode(durations));
    }
}
