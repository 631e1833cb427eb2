package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.results.GameStoreException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a results database to the schema this tlsquiz knows, with Flyway and the versioned SQL under
 * {@code db/results/<dialect>/}, before anything reads or writes it.
 *
 * <p>Flyway by default ignores migrations it does not know ("future" ones) and carries on; here a
 * database that a newer tlsquiz has migrated is refused instead ({@link NewerSchemaException}), since
 * this version could misread what the newer one writes.
 */
public final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** Flyway's bookkeeping table, named after the project so that it cannot clash in a shared database. */
    public static final String HISTORY_TABLE = "tlsquiz_schema_history";

    private SchemaMigrations() {
    }

    /** The Flyway configuration for {@code dialect}'s migrations on {@code dataSource}. */
    public static FluentConfiguration configure(DataSource dataSource, Dialect dialect) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true);
    }

    /**
     * Migrates the database at {@code where} (for messages) to the newest known version.
     *
     * @throws NewerSchemaException when the database is newer than this tlsquiz
     * @throws GameStoreException   when the database cannot be reached or a migration fails
     */
    public static void migrate(DataSource dataSource, Dialect dialect, String where) throws GameStoreException {
        try {
            Flyway flyway = configure(dataSource, dialect).load();
            refuseNewer(flyway, where);
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Results database {}: schema migrated from {} to version {}", where,
                        result.initialSchemaVersion == null ? "empty" : "version " + result.initialSchemaVersion,
                        result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new GameStoreException("cannot open the results database (" + where + "): " + reason(e), e);
        }
    }

    /**
     * The database's own words when there are some (Flyway wraps them in a multi-line report with SQL
     * state and error code), else the first line of Flyway's.
     */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage() != null) {
                Throwable below = cause.getCause();
                // "The connection attempt failed." says little without the I/O failure under it.
                return cause.getMessage().strip() + (below == null || below instanceof SQLException ? ""
                        : " (" + below.getClass().getSimpleName() + ": " + below.getMessage() + ")");
            }
        }
        String message = String.valueOf(failure.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }

    private static void refuseNewer(Flyway flyway, String where) throws NewerSchemaException {
        String newest = null;
        String known = "nothing";
        for (MigrationInfo migration : flyway.info().all()) {
            MigrationState state = migration.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                newest = migration.getVersion().toString();
            } else if (migration.getVersion() != null) {
                known = "version " + migration.getVersion();
            }
        }
        if (newest != null) {
            throw new NewerSchemaException(where, newest, known);
        }
    }
}
