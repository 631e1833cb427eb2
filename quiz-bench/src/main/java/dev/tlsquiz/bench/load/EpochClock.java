package dev.tlsquiz.bench.load;

import java.time.Instant;

/**
 * One time line for every process of a room run on one machine: nanoseconds since the Unix epoch,
 * read as {@code System.nanoTime() + offset}.
 *
 * <p>Why: {@code System.nanoTime()} is precise but each JVM counts from its own origin, so values of
 * two processes cannot be subtracted; the wall clock ({@code CLOCK_REALTIME}) is the same kernel
 * clock for every process of the machine, but may be stepped and is slower to read. So each process
 * measures, once at start, the offset between the two (the sample with the narrowest
 * {@code nanoTime} bracket around the wall-clock read, out of {@value #SAMPLES}), and then stamps
 * every event with its monotonic clock shifted by that offset. Events stamped in different processes
 * on this machine can then be subtracted; the error is the calibration's (a few microseconds: the
 * JDK reads the wall clock to the microsecond on Linux) plus any drift between the clocks during the
 * run (NTP slews at most 500 ppm: 50 microseconds over a 100 ms interval). A step of the wall clock
 * during a run (a manual {@code date -s}) would spoil the figures; nothing else does.
 */
final class EpochClock {

    private static final int SAMPLES = 200;

    private final long offsetNanos;

    private EpochClock(long offsetNanos) {
        this.offsetNanos = offsetNanos;
    }

    /** A clock calibrated now, against the wall clock. */
    static EpochClock calibrated() {
        long bestBracket = Long.MAX_VALUE;
        long bestOffset = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long before = System.nanoTime();
            Instant wall = Instant.now();
            long after = System.nanoTime();
            long bracket = after - before;
            if (bracket < bestBracket) {
                bestBracket = bracket;
                bestOffset = epochNanos(wall) - (before + bracket / 2);
            }
        }
        return new EpochClock(bestOffset);
    }

    /** A clock with a given offset, for tests. */
    static EpochClock withOffset(long offsetNanos) {
        return new EpochClock(offsetNanos);
    }

    /** Now, in nanoseconds since the epoch. */
    long now() {
        return toEpoch(System.nanoTime());
    }

    /** A {@code System.nanoTime()} value of this process, in nanoseconds since the epoch. */
    long toEpoch(long nanoTime) {
        return nanoTime + offsetNanos;
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
