package dev.tlsquiz.server.results.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where finished games are kept: an SQLite file in a data folder (the default, needing no setup), a
 * PostgreSQL database that several server instances may share, or nowhere.
 *
 * <p>A PostgreSQL password never appears here as text: it is read when the store opens, from
 * {@code TLSQUIZ_DATABASE_PASSWORD} or from a file only its owner may read ({@link DatabasePassword}),
 * so that it is neither on a command line nor in a log.
 */
public sealed interface DatabaseLocation {

    /** The file name of the SQLite database inside the data folder. */
    String SQLITE_FILE = "results.db";

    /** The only URL form accepted for PostgreSQL. */
    String POSTGRESQL_PREFIX = "jdbc:postgresql://";

    /** An SQLite database at {@code dataDir/results.db}; the folder is created 0700 when missing. */
    static DatabaseLocation sqlite(Path dataDir) {
        return new Sqlite(dataDir);
    }

    /**
     * A PostgreSQL database.
     *
     * @param url          {@code jdbc:postgresql://HOST:PORT/DB}, with no password in it
     * @param user         the user name; null for the driver's default (the operating system user)
     * @param passwordFile a file holding the password, readable only by its owner; null to take it from
     *                     {@code TLSQUIZ_DATABASE_PASSWORD}, or to use none when that is unset too
     * @throws IllegalArgumentException when the URL is not a PostgreSQL one or carries a password
     */
    static DatabaseLocation postgres(String url, String user, Path passwordFile) {
        return new Postgres(url, user, passwordFile);
    }

    /** Keeps nothing. */
    static DatabaseLocation none() {
        return new None();
    }

    /** Whether games are kept at all; false only for {@link #none()}. */
    default boolean keepsResults() {
        return !(this instanceof None);
    }

    /** Where, in words for the start-up log and for error messages; never holds a secret. */
    String describe();

    /** SQLite in {@code dataDir}. */
    record Sqlite(Path dataDir) implements DatabaseLocation {
        public Sqlite {
            Objects.requireNonNull(dataDir, "dataDir");
        }

        /** The database file. */
        public Path file() {
            return dataDir.resolve(SQLITE_FILE);
        }

        @Override
        public String describe() {
            return "SQLite " + file();
        }
    }

    /** PostgreSQL at {@code url}. */
    record Postgres(String url, String user, Path passwordFile) implements DatabaseLocation {
        public Postgres {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith(POSTGRESQL_PREFIX) || url.length() == POSTGRESQL_PREFIX.length()) {
                throw new IllegalArgumentException("'" + url + "' is no PostgreSQL URL (expected: "
                        + POSTGRESQL_PREFIX + "HOST:PORT/DATABASE, or none)");
            }
            if (url.toLowerCase(Locale.ROOT).matches("(?s).*[?&]password=.*")) {
                // A URL is printed in logs and visible in the process list: no secret belongs in it.
                throw new IllegalArgumentException("the database URL carries a password; remove it and put the"
                        + " password in " + DatabasePassword.ENVIRONMENT + " or in a file named by"
                        + " --database-password-file (mode 0600)");
            }
        }

        @Override
        public String describe() {
            return "PostgreSQL " + url + (user == null ? "" : " as " + user);
        }
    }

    /** Nowhere. */
    record None() implements DatabaseLocation {
        @Override
        public String describe() {
            return "none: results are not kept (--database none)";
        }
    }
}
