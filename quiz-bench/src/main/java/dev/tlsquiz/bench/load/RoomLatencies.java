package dev.tlsquiz.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Turns the players' arrival times into the latency distributions of a room run, once the host's
 * marks are known: question fan-out (PROBLEM arrival minus the opening command) and standings
 * (STANDINGS arrival minus the closing command), both on the common time line of
 * {@link EpochClock}. The last question's standings are kept apart: they are the final ones, which
 * the server sends only once the game's results are kept (a write to its results store). An arrival stamped before its command can only come from a clock error larger
 * than the calibration's: it is counted ({@link #inverted}) and recorded as the smallest value.
 */
final class RoomLatencies {

    /** Inversions up to this are calibration noise of two processes' clocks, not a fault. */
    static final long TOLERATED_INVERSION_NANOS = 1_000_000;

    private final Histogram fanout = Histograms.newHistogram();
    private final Histogram standings = Histograms.newHistogram();
    private final Histogram finalStandings = Histograms.newHistogram();
    private long missing;
    private long inverted;

    /**
     * One player's arrivals.
     *
     * @param problemAt   epoch nanos of each question's PROBLEM arrival, index round-1; 0 = none came
     * @param standingsAt the same for each question's STANDINGS
     */
    void add(QuestionMarks marks, int room, long[] problemAt, long[] standingsAt) {
        for (int i = 0; i < problemAt.length; i++) {
            record(fanout, marks.openedAt(room, i + 1), problemAt[i]);
            record(i == problemAt.length - 1 ? finalStandings : standings, marks.closedAt(room, i + 1), standingsAt[i]);
        }
    }

    private void record(Histogram into, long reference, long arrival) {
        if (reference == 0 || arrival == 0) {
            missing++;
            return;
        }
        long nanos = arrival - reference;
        if (nanos < -TOLERATED_INVERSION_NANOS) {
            inverted++;
        }
        into.recordValue(Histograms.clamp(nanos));
    }

    Histogram fanout() {
        return fanout;
    }

    /** Every question's standings but the last's. */
    Histogram standings() {
        return standings;
    }

    /** The last question's standings: the final ones. */
    Histogram finalStandings() {
        return finalStandings;
    }

    /** Arrivals without a mark, or marks without an arrival (a player that dropped, a question closed by the server). */
    long missing() {
        return missing;
    }

    /** Arrivals stamped more than {@link #TOLERATED_INVERSION_NANOS} before their command. */
    long inverted() {
        return inverted;
    }
}
