package dev.tlsquiz.server.game;

import java.time.Duration;

/**
 * Where a game stands: what was asked, answered and scored so far, out of how many rounds, and for
 * how long it has been played. When the game is over, this is its result.
 *
 * @param asked    problems asked so far
 * @param answered problems answered, right or wrong
 * @param correct  problems answered right
 * @param score    the total score
 * @param rounds   the problems the game asks in all
 * @param played   the time from the start of the game
 */
public record Standing(int asked, int answered, int correct, long score, int rounds, Duration played) {
}
