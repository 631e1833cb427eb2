package dev.tlsquiz.bench.load;

/**
 * Who plays where and how in a room run, the same in every process: players are numbered
 * 0..{@code players()-1} across processes; player {@code p} sits in room {@code p / roomSize} as
 * seat {@code p % roomSize}, named {@code b<room>-<seat>}.
 *
 * <p>Per question, each seat either stays silent or answers at once, right or deliberately wrong
 * (the right result plus one), decided by a hash of (seed, player, round) so that every process
 * and a rerun with the same seed agree. One seat in every {@code min(roomSize, 100)} stays silent
 * each question (a different one each time): the question then never closes by itself because
 * everyone answered, so the host closes it, and the close is an event of the bench's own clock.
 *
 * @param rooms        rooms played at once
 * @param roomSize     players in each room, at least 2
 * @param rounds       questions in each game
 * @param wrongPercent the share of answers sent deliberately wrong, 0..100
 * @param seed         seeds the questions and the choice of wrong answers
 */
record RoomPlan(int rooms, int roomSize, int rounds, int wrongPercent, long seed) {

    /** The largest number of seats sharing one silent seat per question. */
    static final int MAX_SILENT_PERIOD = 100;

    RoomPlan {
        if (rooms < 1 || roomSize < 2 || rounds < 1 || rounds > 0xFFFF || wrongPercent < 0 || wrongPercent > 100) {
            throw new IllegalArgumentException("room plan: rooms " + rooms + ", size " + roomSize + ", rounds "
                    + rounds + ", wrong " + wrongPercent + "% (expected: >= 1, >= 2, 1..65535, 0..100)");
        }
    }

    int players() {
        return rooms * roomSize;
    }

    int roomOf(long player) {
        return (int) (player / roomSize);
    }

    int seatOf(long player) {
        return (int) (player % roomSize);
    }

    String playerName(long player) {
        return "b" + roomOf(player) + "-" + seatOf(player);
    }

    /** Whether {@code player} sends no answer to question {@code round} (1-based). */
    boolean silent(long player, int round) {
        int period = Math.min(roomSize, MAX_SILENT_PERIOD);
        return (seatOf(player) + round) % period == 0;
    }

    /** Whether {@code player} answers question {@code round} right (when it answers at all). */
    boolean answersRight(long player, int round) {
        long h = mix(seed ^ mix(player * 0x9E3779B97F4A7C15L + round));
        return Math.floorMod(h, 100) >= wrongPercent;
    }

    /** How many seats of a room answer question {@code round}. */
    int answering(int room, int round) {
        int count = 0;
        for (int seat = 0; seat < roomSize; seat++) {
            if (!silent((long) room * roomSize + seat, round)) {
                count++;
            }
        }
        return count;
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
