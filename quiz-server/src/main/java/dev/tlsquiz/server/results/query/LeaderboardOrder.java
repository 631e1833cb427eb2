package dev.tlsquiz.server.results.query;

/** What the all-time leaderboard ranks by. */
public enum LeaderboardOrder {
    /** Total score over every kept game; ties share a rank. */
    SCORE,
    /**
     * Share of the questions put to the player that were answered right (a timeout counts as put);
     * ties share a rank, and among them more right answers list first.
     */
    ACCURACY
}
