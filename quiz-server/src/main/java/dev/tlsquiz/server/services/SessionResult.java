package dev.tlsquiz.server.services;

import dev.tlsquiz.server.game.Standing;

/**
 * A session that was played (WELCOME sent), as it ended.
 *
 * @param playerName   the player's name, as admitted; the client's words, so escape it before logging
 * @param nameVerified whether the name was checked against the client certificate
 * @param sessionId    the id sent in WELCOME
 * @param result       what was asked, answered and scored, and for how long
 * @param endReason    why it ended, such as {@code completed} or {@code client disconnected}
 */
public record SessionResult(String playerName, boolean nameVerified, long sessionId, Standing result,
                            String endReason) {
}
