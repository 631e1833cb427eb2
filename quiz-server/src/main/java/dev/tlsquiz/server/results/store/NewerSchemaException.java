package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.results.GameStoreException;

/**
 * The results database was migrated by a newer tlsquiz than this one: its tables may hold what this
 * version would misread or break, so it is not opened.
 */
public final class NewerSchemaException extends GameStoreException {

    private final String databaseVersion;
    private final String knownVersion;

    public NewerSchemaException(String where, String databaseVersion, String knownVersion) {
        super("the results database (" + where + ") has schema version " + databaseVersion
                + ", newer than the " + knownVersion + " this tlsquiz knows: a newer tlsquiz has upgraded it."
                + " Run that newer version, or point --data-dir or --database at another database");
        this.databaseVersion = databaseVersion;
        this.knownVersion = knownVersion;
    }

    public String databaseVersion() {
        return databaseVersion;
    }

    public String knownVersion() {
        return knownVersion;
    }
}
