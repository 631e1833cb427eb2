package dev.tlsquiz.server.results.query;

/**
 * One player on the all-time leaderboard; players are told apart by name.
 *
 * @param rank     1 for the best; equal totals (or accuracies) share a rank
 * @param games    games played
 * @param score    total score
 * @param correct  questions answered right
 * @param answered questions answered at all
 * @param asked    questions put to the player (answers and timeouts recorded)
 */
public record LeaderboardRow(int rank, String name, long games, long score, long correct, long answered, long asked) {

    /** {@code correct / asked}, 0 when nothing was asked. */
    public double accuracy() {
        return asked == 0 ? 0 : (double) correct / asked;
    }
}
