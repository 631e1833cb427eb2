package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time line every process of a room run shares, and the latencies measured on it. */
class RoomTimingTest {

    private static final long MS = 1_000_000;

    @Test
    void calibrated_thenNanoTimeMapsOntoTheWallClock() {
        EpochClock clock = EpochClock.calibrated();
        long wall = EpochClock.epochNanos(Instant.now());
        long stamped = clock.now();
        // Generous: a loaded machine may deschedule the test between the two reads.
        assertTrue(Math.abs(stamped - wall) < 1_000 * MS, "calibrated " + stamped + " vs wall " + wall);
    }

    @Test
    void toEpoch_thenShiftsByTheOffset() {
        EpochClock clock = EpochClock.withOffset(1_000);
        assertEquals(1_500, clock.toEpoch(500));
    }

    @Test
    void latencies_thenArrivalMinusTheHostsCommandPerRoomAndQuestion() {
        QuestionMarks marks = new QuestionMarks(2, 2);
        marks.opened(0, 1, 1_000 * MS);
        marks.closed(0, 1, 2_000 * MS);
        marks.opened(0, 2, 3_000 * MS);
        marks.closed(0, 2, 4_000 * MS);
        marks.opened(1, 1, 10_000 * MS);
        marks.closed(1, 1, 11_000 * MS);
        RoomLatencies latencies = new RoomLatencies();

        latencies.add(marks, 0, new long[] {1_005 * MS, 3_040 * MS}, new long[] {2_010 * MS, 4_020 * MS});
        // Room 1's second question never opened (the game was cut short): missing, not negative.
        latencies.add(marks, 1, new long[] {10_007 * MS, 0}, new long[] {11_030 * MS, 0});

        assertEquals(3, latencies.fanout().getTotalCount());
        assertEquals(40 * MS, latencies.fanout().getMaxValue(), 40 * MS / 1000.0);
        assertEquals(5 * MS, latencies.fanout().getMinValue(), 5 * MS / 1000.0);
        // The last question's standings are the final ones, kept apart.
        assertEquals(2, latencies.standings().getTotalCount());
        assertEquals(30 * MS, latencies.standings().getMaxValue(), 30 * MS / 1000.0);
        assertEquals(1, latencies.finalStandings().getTotalCount());
        assertEquals(20 * MS, latencies.finalStandings().getMaxValue(), 20 * MS / 1000.0);
        assertEquals(2, latencies.missing());
        assertEquals(0, latencies.inverted());
    }

    @Test
    void latencies_whenArrivalBeforeCommand_thenCountedNotNegative() {
        QuestionMarks marks = new QuestionMarks(1, 1);
        marks.opened(0, 1, 1_000 * MS);
        marks.closed(0, 1, 2_000 * MS);
        RoomLatencies latencies = new RoomLatencies();

        // 0.5 ms early is calibration noise; 5 ms early is a clock fault.
        latencies.add(marks, 0, new long[] {1_000 * MS - MS / 2}, new long[] {2_000 * MS - 5 * MS});

        assertEquals(1, latencies.inverted());
        assertEquals(1, latencies.fanout().getMaxValue());
    }

    @Test
    void marks_whenSentAsLines_thenReadBackExactly() {
        QuestionMarks sent = new QuestionMarks(3, 2);
        sent.opened(2, 2, 1_764_300_000_123_456_789L);
        sent.closed(2, 2, 1_764_300_001_000_000_001L);
        QuestionMarks received = new QuestionMarks(3, 2);

        received.read(sent.line(2, 2));

        assertEquals(sent.openedAt(2, 2), received.openedAt(2, 2));
        assertEquals(sent.closedAt(2, 2), received.closedAt(2, 2));
        assertThrows(IllegalArgumentException.class, () -> received.read("mark 3 1 1 1"));
        assertThrows(IllegalArgumentException.class, () -> received.read("mark 0 0 1 1"));
        assertThrows(IllegalArgumentException.class, () -> received.read("codes ABC"));
    }

    @Test
    void bursts_thenAnswersOverEachQuestionsSpanAcrossRooms() {
        AnswerBursts bursts = new AnswerBursts();
        // Question 1: two rooms, 0..400 ms overall; question 2: 100 ms.
        bursts.add(1, 0, 300 * MS, 100);
        bursts.add(1, 100 * MS, 400 * MS, 100);
        bursts.add(2, 1_000 * MS, 1_100 * MS, 50);

        Metric metric = bursts.toMetric();

        assertEquals(250, metric.count());
        assertEquals(0.5, metric.seconds(), 1e-9);
        assertEquals(500.0, metric.perSecond(), 1e-9);
        assertEquals(2, metric.latencyMicros().count());
    }

    @Test
    void plan_thenOneSilentSeatPerPeriodAndStableChoices() {
        RoomPlan small = new RoomPlan(3, 10, 4, 25, 7);
        for (int room = 0; room < 3; room++) {
            for (int round = 1; round <= 4; round++) {
                assertEquals(9, small.answering(room, round));
            }
        }
        RoomPlan big = new RoomPlan(1, 10_000, 2, 25, 7);
        assertEquals(9_900, big.answering(0, 1));
        int right = 0;
        for (long player = 0; player < 10_000; player++) {
            assertEquals(big.answersRight(player, 1), new RoomPlan(1, 10_000, 2, 25, 7).answersRight(player, 1));
            right += big.answersRight(player, 1) ? 1 : 0;
        }
        assertTrue(right > 7_000 && right < 8_000, "about 75 % right: " + right);
        assertEquals("b2-7", small.playerName(27));
        assertThrows(IllegalArgumentException.class, () -> new RoomPlan(1, 1, 1, 0, 0));
    }
}
