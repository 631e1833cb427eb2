package dev.tlsquiz.bench.load;

import java.util.List;
import java.util.Map;

/**
 * The players of a room run, wherever they run: in this process ({@link RoomPlayers}) or spread over
 * child processes ({@link RoomChildren}). The bench's conductor ({@link RoomRun}) only waits on it
 * between commands and collects the outcome at the end.
 */
interface PlayerFleet extends AutoCloseable {

    /** Starts joining the players to the rooms, whose codes are {@code codes} (index: room). */
    void start(List<String> codes);

    /** Waits until every player is seated or has failed to be; false when the deadline passed first. */
    boolean awaitSeated(long deadlineNanos) throws InterruptedException;

    /** Players seated so far. */
    long seated();

    /** Waits until every player is done with question {@code round}'s STANDINGS; false at the deadline. */
    boolean awaitStandings(int round, long deadlineNanos) throws InterruptedException;

    /** Waits until every player's game is over; false at the deadline. */
    boolean awaitFinished(long deadlineNanos) throws InterruptedException;

    /**
     * The players' side of the result, measured against the host's {@code marks}: the latency
     * metrics {@code question_fanout} and {@code standings_after_close}, gauges, errors and the ranks.
     */
    Outcome outcome(QuestionMarks marks) throws InterruptedException;

    /** Ends every player's connection (and child process). */
    @Override
    void close();

    /**
     * @param metrics the players' latency metrics
     * @param gauges  counts such as {@code score_mismatches}
     * @param errors  failures by kind
     * @param ranks   (room, recomputed score, rank given) of every player that got final standings
     */
    record Outcome(List<Metric> metrics, Map<String, Long> gauges, Map<String, Long> errors, RankCheck ranks) {
    }
}
