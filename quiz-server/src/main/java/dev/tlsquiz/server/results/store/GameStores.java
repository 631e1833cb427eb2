package dev.tlsquiz.server.results.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.tlsquiz.server.results.GameStoreException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens results databases: prepares the SQLite file (or reads the PostgreSQL password), migrates the
 * schema, and starts a connection pool.
 *
 * <p>Migrations run on a plain data source before the pool exists, so that Flyway's own connections
 * never compete with the pool's (SQLite's pool has a single connection: one writer).
 */
public final class GameStores {

    /** How long a statement waits for SQLite's write lock held by another process (a results command). */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;
    /** PostgreSQL connections the pool keeps: the writer and a reader or two. */
    static final int POSTGRES_POOL_SIZE = 4;
    /** How long to wait for a connection, and for PostgreSQL to accept one, before reporting the store down. */
    static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    /** A statement that hears nothing back for this long fails: a silently dropped connection cannot hang the writer. */
    static final int POSTGRES_SOCKET_TIMEOUT_SECONDS = 60;

    private GameStores() {
    }

    /**
     * Opens the database at {@code location}, creating it (SQLite) and migrating its schema as needed.
     *
     * @throws NewerSchemaException     when a newer tlsquiz has migrated it
     * @throws GameStoreException       when it cannot be created, reached or migrated, or the password file
     *                                  is missing or readable by others; the message says what to do
     * @throws IllegalArgumentException for {@link DatabaseLocation#none()}, which has nothing to open
     */
    public static ResultsStore open(DatabaseLocation location) throws GameStoreException {
        return open(location, System.getenv());
    }

    /**
     * As {@link #open(DatabaseLocation)}, but an SQLite database that does not exist yet is not created:
     * empty instead. For the {@code results} commands, which should not leave an empty database behind
     * a mistyped {@code --data-dir}.
     */
    public static Optional<ResultsStore> openExisting(DatabaseLocation location) throws GameStoreException {
        if (location instanceof DatabaseLocation.Sqlite sqlite && !Files.exists(sqlite.file())) {
            return Optional.empty();
        }
        return Optional.of(open(location));
    }

    /** As {@link #open(DatabaseLocation)}, with the environment to read the password from. */
    static ResultsStore open(DatabaseLocation location, Map<String, String> environment) throws GameStoreException {
        if (location instanceof DatabaseLocation.Sqlite sqlite) {
            return openSqlite(sqlite);
        }
        if (location instanceof DatabaseLocation.Postgres postgres) {
            return openPostgres(postgres, environment);
        }
        throw new IllegalArgumentException(location.describe() + ": there is no database to open");
    }

    private static ResultsStore openSqlite(DatabaseLocation.Sqlite location) throws GameStoreException {
        SqliteFiles.prepare(location);
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers (a results command) never block the writer, nor it them.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit is on disk before the player is shown the result, even across a power cut.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + location.file().toAbsolutePath());
        String where = location.describe();
        SqliteFiles.withMigrationLock(location, () -> SchemaMigrations.migrate(dataSource, Dialect.SQLITE, where));
        HikariConfig pool = poolConfig("tlsquiz-results-sqlite", dataSource);
        // One connection: SQLite has one writer, and a second would only wait for the first's lock.
        pool.setMaximumPoolSize(1);
        return new JdbcResultsStore(startPool(pool, where), Dialect.SQLITE, where);
    }

    private static ResultsStore openPostgres(DatabaseLocation.Postgres location, Map<String, String> environment)
            throws GameStoreException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(location.url());
        if (location.user() != null) {
            dataSource.setUser(location.user());
        }
        DatabasePassword.read(location, environment).ifPresent(dataSource::setPassword);
        dataSource.setConnectTimeout((int) TimeUnit.MILLISECONDS.toSeconds(CONNECT_TIMEOUT_MILLIS));
        dataSource.setSocketTimeout(POSTGRES_SOCKET_TIMEOUT_SECONDS);
        dataSource.setTcpKeepAlive(true);
        dataSource.setApplicationName("tlsquiz");
        String where = location.describe();
        SchemaMigrations.migrate(dataSource, Dialect.POSTGRESQL, where);
        HikariConfig pool = poolConfig("tlsquiz-results-postgresql", dataSource);
        pool.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        pool.setMinimumIdle(1);
        return new JdbcResultsStore(startPool(pool, where), Dialect.POSTGRESQL, where);
    }

    private static HikariConfig poolConfig(String name, DataSource dataSource) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(dataSource);
        config.setAutoCommit(false);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        return config;
    }

    private static HikariDataSource startPool(HikariConfig config, String where) throws GameStoreException {
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new GameStoreException("cannot connect to the results database (" + where + "): "
                    + cause.getMessage(), e);
        }
    }
}
