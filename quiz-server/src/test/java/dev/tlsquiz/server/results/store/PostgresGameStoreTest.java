package dev.tlsquiz.server.results.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.results.GameStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL server ({@link TestPostgres}), in a schema of this class's own
 * that is created before and dropped after; skipped, with a message saying why, where none is reachable.
 */
class PostgresGameStoreTest extends GameStoreContractTest {

    private static TestPostgres postgres;

    @BeforeAll
    static void createSchema() throws SQLException {
        postgres = TestPostgres.createSchema("store");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (postgres != null) {
            postgres.dropSchema();
        }
    }

    @Override
    DatabaseLocation location() {
        postgres.assumeAvailable();
        return postgres.location();
    }

    @Override
    Connection connect() throws SQLException {
        return postgres.connect();
    }

    @Override
    DataSource dataSource() {
        return postgres.dataSource();
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    void refuseAnswersWithText(Connection connection, String text) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE FUNCTION refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.text = '" + text + "' THEN RAISE EXCEPTION 'refused by the test'; END IF;"
                    + " RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER refuse_answer BEFORE INSERT ON answers FOR EACH ROW"
                    + " EXECUTE FUNCTION refuse_answer()");
        }
    }

    @Override
    void wipe() throws SQLException {
        postgres.emptySchema();
    }

    @Test
    void open_whenNothingListens_thenClearErrorSoon() {
        // Needs no server, yet runs only here, next to the others that do: its message is the driver's.
        DatabaseLocation nowhere = DatabaseLocation.postgres("jdbc:postgresql://127.0.0.1:1/test", "postgres", null);

        GameStoreException refused = assertThrows(GameStoreException.class, () -> GameStores.open(nowhere));

        assertTrue(refused.getMessage().startsWith("cannot open the results database (PostgreSQL "
                + "jdbc:postgresql://127.0.0.1:1/test as postgres): Connection to 127.0.0.1:1 refused."),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), "one line: " + refused.getMessage());
    }

    @Test
    void schema_answersHaveOnlyTheirKeyAndOnlyRoomGamesAreIndexedByRoom() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tablename, indexname, indexdef FROM pg_indexes"
                     + " WHERE schemaname = current_schema() AND tablename IN ('answers', 'games')"
                     + " ORDER BY tablename, indexname")) {
            Map<String, String> indexes = new TreeMap<>();
            while (rows.next()) {
                indexes.put(rows.getString(1) + "." + rows.getString(2), rows.getString(3));
            }
            assertEquals(List.of("answers.answers_pkey"),
                    indexes.keySet().stream().filter(name -> name.startsWith("answers.")).toList(),
                    "answers keeps no index beside its key");
            assertTrue(indexes.get("answers.answers_pkey").contains("(game, player, question, "),
                    indexes.get("answers.answers_pkey"));
            assertTrue(indexes.get("games.games_by_room").endsWith("WHERE (room_code IS NOT NULL)"),
                    indexes.get("games.games_by_room"));
        }
    }
}
