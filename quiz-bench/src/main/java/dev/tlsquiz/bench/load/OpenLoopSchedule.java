package dev.tlsquiz.bench.load;

/**
 * When each request of an open-loop run is meant to be sent: a constant total rate shared evenly
 * by the connections, each connection's requests {@code period} apart, the connections staggered
 * across one period so that the total stream is even rather than bursty.
 *
 * <p>Latency is measured from these intended times, not from when a request actually left: a
 * server that stalls makes every request due during the stall late, and all of that lateness is
 * recorded (no coordinated omission). A connection that falls behind sends its overdue requests
 * back to back as soon as it can.
 *
 * <p>All times are {@link System#nanoTime()} values.
 */
public final class OpenLoopSchedule {

    private final long startNanos;
    private final double periodNanos;
    private final int connections;

    /**
     * @param startNanos  when request 0 of connection 0 is due
     * @param totalRate   requests per second over all connections, > 0
     * @param connections the number of connections sharing the rate, > 0
     */
    public OpenLoopSchedule(long startNanos, double totalRate, int connections) {
        if (!(totalRate > 0) || Double.isInfinite(totalRate)) {
            throw new IllegalArgumentException("rate: " + totalRate + " (expected: > 0)");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections: " + connections + " (expected: >= 1)");
        }
        this.startNanos = startNanos;
        this.connections = connections;
        this.periodNanos = 1e9 * connections / totalRate;
    }

    /** Nanoseconds between two requests of one connection. */
    public double periodNanos() {
        return periodNanos;
    }

    /** When request {@code sequence} (0-based) of connection {@code connection} is due. */
    public long intendedNanos(int connection, long sequence) {
        checkConnection(connection);
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence: " + sequence + " (expected: >= 0)");
        }
        return startNanos + Math.round(offset(connection) + sequence * periodNanos);
    }

    /**
     * How many requests of {@code connection} are due at {@code nowNanos}: the number of intended
     * times at or before it.
     */
    public long dueBy(int connection, long nowNanos) {
        checkConnection(connection);
        double elapsed = nowNanos - startNanos - offset(connection);
        long due = Math.max(0, (long) Math.floor(elapsed / periodNanos) + 1);
        // Guard the floating-point edge so that dueBy agrees exactly with intendedNanos.
        while (due > 0 && intendedNanos(connection, due - 1) > nowNanos) {
            due--;
        }
        while (intendedNanos(connection, due) <= nowNanos) {
            due++;
        }
        return due;
    }

    private double offset(int connection) {
        return connection * periodNanos / connections;
    }

    private void checkConnection(int connection) {
        if (connection < 0 || connection >= connections) {
            throw new IllegalArgumentException("connection: " + connection + " (expected: 0.." + (connections - 1) + ")");
        }
    }
}
