package dev.tlsquiz.server.room;

import java.time.Duration;
import java.util.Objects;

/**
 * What a room's game is, fixed when the host opens it.
 *
 * @param rounds     how many questions the game asks (already capped by what the source can ask)
 * @param timeLimit  the time per question, unless a bank question has its own
 * @param lateJoin   whether players may join once the game has started (they start at 0 points)
 * @param maxPlayers the most seats the room holds ({@code --max-room-players})
 */
public record RoomSettings(int rounds, Duration timeLimit, boolean lateJoin, int maxPlayers) {

    public RoomSettings {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: " + rounds + " (expected: >= 1)");
        }
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit: " + timeLimit + " (expected: positive)");
        }
        if (maxPlayers < 1) {
            throw new IllegalArgumentException("maxPlayers: " + maxPlayers + " (expected: >= 1)");
        }
    }
}
