package dev.tlsquiz.server.results.store;

/**
 * What differs between the two databases: where their migrations live and how to sort text byte by
 * byte. The statements are otherwise the same (both accept {@code ON CONFLICT DO NOTHING} and
 * {@code RETURNING}).
 */
public enum Dialect {
    SQLITE("classpath:db/results/sqlite", "BINARY"),
    POSTGRESQL("classpath:db/results/postgresql", "\"C\"");

    private final String migrations;
    private final String binaryCollation;

    Dialect(String migrations, String binaryCollation) {
        this.migrations = migrations;
        this.binaryCollation = binaryCollation;
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
}
