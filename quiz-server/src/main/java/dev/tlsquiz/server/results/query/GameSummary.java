package dev.tlsquiz.server.results.query;

import dev.tlsquiz.server.services.GameRecord.GameKind;
import java.time.Instant;

/**
 * One line of {@code results list}: a kept game without its questions and answers.
 *
 * @param leader   the name of the first-ranked player; null for a game without players
 * @param topScore that player's score; 0 without players
 */
public record GameSummary(String instance, long gameId, GameKind kind, String roomCode, Instant started,
                          Instant ended, String endReason, int players, int questions, String leader,
                          long topScore) {
}
