package dev.tlsquiz.server.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking of a room's players at one moment: by score, highest first; equal scores share a rank
 * (1, 1, 3) and are ordered by name, so that every player and every recomputation sees the same list.
 *
 * @param problemId the question just closed; 0 for standings without one (a game ended in the lobby)
 * @param round     the rounds asked so far
 * @param rounds    the rounds of the game
 * @param last      whether these are the final standings
 * @param ranked    every ranked player, best first
 */
public record Standings(long problemId, int round, int rounds, boolean last, List<Ranked> ranked) {

    public Standings {
        ranked = List.copyOf(ranked);
    }

    /**
     * One ranked player.
     *
     * @param rank  1 for the best; equal scores share a rank
     * @param name  the player's name
     * @param score their total score
     * @param seat  their seat
     */
    public record Ranked(int rank, String name, long score, Seat seat) {
    }

    /** The rule: by score descending, then by name; a rank is 1 + the number of players with a higher score. */
    static List<Ranked> rank(List<Seat> seats) {
        List<Seat> sorted = new ArrayList<>(seats);
        sorted.sort(Comparator.comparingLong(Seat::score).reversed().thenComparing(Seat::name));
        List<Ranked> ranked = new ArrayList<>(sorted.size());
        int rank = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < sorted.size(); i++) {
            Seat seat = sorted.get(i);
            if (seat.score() != previous) {
                rank = i + 1;
                previous = seat.score();
            }
            seat.rank(rank);
            ranked.add(new Ranked(rank, seat.name(), seat.score(), seat));
        }
        return ranked;
    }

    /** The first {@code n} entries. */
    public List<Ranked> top(int n) {
        return ranked.subList(0, Math.min(n, ranked.size()));
    }
}
