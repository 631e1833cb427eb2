package dev.tlsquiz.bench.load;

import java.util.Map;
import java.util.NavigableMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Checks the ranks of each room's final STANDINGS against the bench's recomputed scores: equal
 * scores share a rank, and a player's rank is 1 + the number of players of the room with a higher
 * score (PROTOCOL.md, STANDINGS). Each player contributes (room, recomputed score, rank the server
 * gave); only counts per triple are kept, so the players of a process fit on one line
 * ({@link #encode}, {@link #decode}) and the processes' parts merge ({@link #add(RankCheck)}).
 */
final class RankCheck {

    /** room to (score to (rank to players)). */
    private final Map<Integer, NavigableMap<Long, NavigableMap<Long, Long>>> rooms = new TreeMap<>();

    /** One player of {@code room}: the score the bench recomputed and the rank the server gave. */
    void add(int room, long score, long rank, long players) {
        rooms.computeIfAbsent(room, r -> new TreeMap<>()).computeIfAbsent(score, s -> new TreeMap<>())
                .merge(rank, players, Long::sum);
    }

    void add(RankCheck other) {
        other.rooms.forEach((room, scores) -> scores.forEach((score, ranks) ->
                ranks.forEach((rank, n) -> add(room, score, rank, n))));
    }

    /** Players whose rank is not 1 + the number of players of their room with a higher score. */
    long mismatches() {
        long wrong = 0;
        for (NavigableMap<Long, NavigableMap<Long, Long>> scores : rooms.values()) {
            long above = 0;
            for (NavigableMap<Long, Long> ranks : scores.descendingMap().values()) {
                long expected = above + 1;
                for (Map.Entry<Long, Long> rank : ranks.entrySet()) {
                    above += rank.getValue();
                    if (rank.getKey() != expected) {
                        wrong += rank.getValue();
                    }
                }
            }
        }
        return wrong;
    }

    /** {@code room:score:rank:players,...}; empty when no player was added. */
    String encode() {
        StringJoiner out = new StringJoiner(",");
        rooms.forEach((room, scores) -> scores.forEach((score, ranks) ->
                ranks.forEach((rank, n) -> out.add(room + ":" + score + ":" + rank + ":" + n))));
        return out.toString();
    }

    /** @throws IllegalArgumentException when {@code text} is not what {@link #encode} writes */
    static RankCheck decode(String text) {
        RankCheck check = new RankCheck();
        if (text.isBlank()) {
            return check;
        }
        for (String part : text.strip().split(",")) {
            String[] fields = part.split(":");
            if (fields.length != 4) {
                throw new IllegalArgumentException("rank entry: '" + part + "' (expected: room:score:rank:players)");
            }
            check.add(Integer.parseInt(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                    Long.parseLong(fields[3]));
        }
        return check;
    }
}
