package dev.tlsquiz.server.results.query;

import java.time.Instant;
import java.util.Optional;

/**
 * Which kept games a query looks at. Every value is bound as a statement parameter, never written into
 * SQL: room codes and player names come from players.
 *
 * @param since  only games that ended at or after this instant; null for all
 * @param room   only games of the room with this code; null for all
 * @param player only games this player (by exact name) played; for an export, only that player's rows
 * @param limit  at most this many games (most recent first) or leaderboard rows; 0 for no limit. An
 *               export ignores it: it takes every game the other values select
 */
public record GameFilter(Instant since, String room, String player, int limit) {
    public GameFilter {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: >= 0, 0 for none)");
        }
    }

    /** Every game. */
    public static GameFilter all() {
        return new GameFilter(null, null, null, 0);
    }

    public Optional<Instant> sinceValue() {
        return Optional.ofNullable(since);
    }

    public GameFilter withLimit(int newLimit) {
        return new GameFilter(since, room, player, newLimit);
    }
}
