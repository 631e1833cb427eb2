package dev.tlsquiz.server.results.store;

import java.util.List;

/**
 * What differs between the two databases: where their migrations live, how to sort text byte by byte,
 * and which tables hold a game's rows. The statements that read are otherwise the same (both accept
 * {@code ON CONFLICT DO NOTHING} and {@code RETURNING}); each has a writer of its own
 * ({@link GameWriter#of}).
 */
public enum Dialect {
    SQLITE("classpath:db/results/sqlite", "BINARY", List.of("answers", "choices", "questions", "players")),
    // Since schema version 4, questions and answers are views over game_rounds.
    POSTGRESQL("classpath:db/results/postgresql", "\"C\"", List.of("game_rounds", "choices", "players"));

    private final String migrations;
    private final String binaryCollation;
    private final List<String> tablesUnderGames;

    Dialect(String migrations, String binaryCollation, List<String> tablesUnderGames) {
        this.migrations = migrations;
        this.binaryCollation = binaryCollation;
        this.tablesUnderGames = tablesUnderGames;
    }

    /** The Flyway location of this dialect's versioned SQL. */
    public String migrations() {
        return migrations;
    }

    /**
     * A collation that orders by code point, so that both databases list ties in the same order
     * whatever the server's locale.
     */
    public String binaryCollation() {
        return binaryCollation;
    }

    /** The tables whose rows belong to a game (by their {@code game} column): what a prune deletes. */
    List<String> tablesUnderGames() {
        return tablesUnderGames;
    }
}
