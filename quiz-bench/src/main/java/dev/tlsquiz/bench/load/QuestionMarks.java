package dev.tlsquiz.bench.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The host's commands of a room run on the common time line ({@link EpochClock}), per room and
 * question: when the host sent the command that opens the question ({@code start} for the first,
 * {@code next} between questions for the others), and when it sent {@code next} that closes it. Players' arrival times are measured from these:
 * PROBLEM from the opening command (the fan-out), STANDINGS from the close. 0 means "not sent".
 * Written by the hosts' event loops, read by the bench; sent to child processes one line each.
 */
final class QuestionMarks {

    private final int rooms;
    private final int rounds;
    private final AtomicLongArray opened;
    private final AtomicLongArray closed;

    QuestionMarks(int rooms, int rounds) {
        this.rooms = rooms;
        this.rounds = rounds;
        this.opened = new AtomicLongArray(rooms * rounds);
        this.closed = new AtomicLongArray(rooms * rounds);
    }

    int rooms() {
        return rooms;
    }

    void opened(int room, int round, long epochNanos) {
        opened.set(index(room, round), epochNanos);
    }

    void closed(int room, int round, long epochNanos) {
        closed.set(index(room, round), epochNanos);
    }

    long openedAt(int room, int round) {
        return opened.get(index(room, round));
    }

    long closedAt(int room, int round) {
        return closed.get(index(room, round));
    }

    /** The marks of one question as a line: {@code mark ROOM ROUND OPENED CLOSED}. */
    String line(int room, int round) {
        return "mark " + room + " " + round + " " + openedAt(room, round) + " " + closedAt(room, round);
    }

    /**
     * Takes the marks of a {@link #line}.
     *
     * @throws IllegalArgumentException when it is not such a line, or names a question out of range
     */
    void read(String line) {
        String[] f = line.strip().split(" ");
        if (f.length != 5 || !f[0].equals("mark")) {
            throw new IllegalArgumentException("not a mark line: " + line);
        }
        int room = Integer.parseInt(f[1]);
        int round = Integer.parseInt(f[2]);
        opened(room, round, Long.parseLong(f[3]));
        closed(room, round, Long.parseLong(f[4]));
    }

    private int index(int room, int round) {
        if (round < 1 || round > rounds || room < 0 || (long) room * rounds + round > opened.length()) {
            throw new IllegalArgumentException("question " + round + " of room " + room + " (expected: 1.." + rounds
                    + " of 0.." + (opened.length() / rounds - 1) + ")");
        }
        return room * rounds + round - 1;
    }
}
