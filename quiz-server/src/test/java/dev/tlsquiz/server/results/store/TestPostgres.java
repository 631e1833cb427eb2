package dev.tlsquiz.server.results.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the tests use: {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres}
 * (trust authentication), or the URL in {@code TLSQUIZ_TEST_DATABASE} and the user in
 * {@code TLSQUIZ_TEST_DATABASE_USER}. Each test class gets a schema of its own; where no server answers,
 * the class is skipped with a message that says so (CI starts one: {@code .ci/run}).
 */
public final class TestPostgres {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String baseUrl;
    private final String user;
    private final String schema;
    /** Why there is no server to test against; null when there is. */
    private String unavailable;

    private TestPostgres(String baseUrl, String user, String schema) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.schema = schema;
    }

    /**
     * Skips the calling test, saying why, when no PostgreSQL server was reachable. Called from
     * {@code @BeforeEach}, so that every test of the class is reported as skipped (an abort in
     * {@code @BeforeAll} would report none at all).
     */
    public boolean unavailable() {
        return unavailable != null;
    }

    public void assumeAvailable() {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
    }

    /**
     * Creates a fresh schema named after {@code purpose}; where no PostgreSQL server is reachable, says so
     * on stderr and returns one whose {@link #assumeAvailable()} skips each test.
     */
    public static TestPostgres createSchema(String purpose) throws SQLException {
        String url = System.getenv().getOrDefault("TLSQUIZ_TEST_DATABASE", DEFAULT_URL);
        String user = System.getenv().getOrDefault("TLSQUIZ_TEST_DATABASE_USER", "postgres");
        String schema = ("tlsquiz_" + purpose + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8))
                .toLowerCase(Locale.ROOT);
        TestPostgres postgres = new TestPostgres(url, user, schema);
        try (Connection connection = postgres.plain(url).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) || "08004".equals(e.getSQLState()) || "28000".equals(e.getSQLState())
                    || "3D000".equals(e.getSQLState())) {
                String why = "no PostgreSQL at " + url + " as " + user + " (" + e.getMessage()
                        + "); PostgreSQL tests skipped. Start one (.ci/run does) or set TLSQUIZ_TEST_DATABASE";
                System.err.println("SKIPPED: " + why);
                postgres.unavailable = why;
                return postgres;
            }
            throw e;
        }
        return postgres;
    }

    /** The schema's URL: the store sees only this schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String user() {
        return user;
    }

    public DatabaseLocation location() {
        return DatabaseLocation.postgres(url(), user, null);
    }

    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    public DataSource dataSource() {
        return plain(url());
    }

    private PGSimpleDataSource plain(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setConnectTimeout(5);
        return dataSource;
    }

    /** Drops everything in the schema, leaving it empty for the next test. */
    public void emptySchema() throws SQLException {
        try (Connection connection = plain(baseUrl).getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    public void dropSchema() throws SQLException {
        if (unavailable != null) {
            return;
        }
        try (Connection connection = plain(baseUrl).getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
