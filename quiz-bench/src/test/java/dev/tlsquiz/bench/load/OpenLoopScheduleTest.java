package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void intendedNanos_whenRateSharedByConnections_thenEachConnectionRunsAtItsShare() {
        // 1,000/s over 4 connections: each sends every 4 ms, the connections 1 ms apart.
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 1_000, 4);

        assertEquals(4_000_000.0, schedule.periodNanos(), 1e-6);
        assertEquals(1_000, schedule.intendedNanos(0, 0));
        assertEquals(1_000 + 4_000_000, schedule.intendedNanos(0, 1));
        assertEquals(1_000 + 1_000_000, schedule.intendedNanos(1, 0));
        assertEquals(1_000 + 3_000_000 + 8_000_000, schedule.intendedNanos(3, 2));
    }

    @Test
    void intendedNanos_overAllConnections_thenTheTotalStreamIsEvenlySpaced() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 3_000, 3);
        long[] times = new long[9];
        for (int k = 0; k < 3; k++) {
            for (int c = 0; c < 3; c++) {
                times[k * 3 + c] = schedule.intendedNanos(c, k);
            }
        }
        for (int i = 1; i < times.length; i++) {
            assertEquals(333_333, times[i] - times[i - 1], 1, "gap before request " + i);
        }
    }

    @Test
    void dueBy_thenCountsIntendedTimesAtOrBeforeNow() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(10_000, 1_000, 1); // every 1 ms from t=10 µs

        assertEquals(0, schedule.dueBy(0, 9_999));
        assertEquals(1, schedule.dueBy(0, 10_000));
        assertEquals(1, schedule.dueBy(0, 1_009_999));
        assertEquals(2, schedule.dueBy(0, 1_010_000));
        // A stall of 50 ms leaves 50 requests overdue, each still timed from its own intended time.
        assertEquals(51, schedule.dueBy(0, 50_010_000));
    }

    @Test
    void dueBy_whenPeriodIsNotWhole_thenAgreesWithIntendedNanos() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(7, 7_777, 13);
        for (int c = 0; c < 13; c++) {
            for (long k = 0; k < 200; k++) {
                long t = schedule.intendedNanos(c, k);
                assertEquals(k + 1, schedule.dueBy(c, t), "at request " + k + " of connection " + c);
                assertEquals(k, schedule.dueBy(c, t - 1), "just before request " + k + " of connection " + c);
            }
        }
    }

    @Test
    void constructor_whenRateIsNotPositive_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 10, 0));
    }
}
