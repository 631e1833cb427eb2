package dev.tlsquiz.server.results.store;

import static dev.tlsquiz.server.results.store.TestGames.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.results.GameStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
                    + " IF '" + text + "' = ANY (NEW.answer_texts) THEN RAISE EXCEPTION 'refused by the test'; END IF;"
                    + " RETURN NEW; END $$");
            // Answers are kept in game_rounds since schema version 4.
            statement.execute("CREATE TRIGGER refuse_answer BEFORE INSERT ON game_rounds FOR EACH ROW"
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
    void schema_questionsAndAnswersAreOneRowPerGameAndOnlyRoomGamesAreIndexedByRoom() throws Exception {
        store.save(TestGames.room(1, "R1", T0, "ada", "~bob", "~cy"));
        store.save(TestGames.solo(2, "~dee", T0, 10, 7));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertEquals(List.of("answers VIEW", "choices BASE TABLE", "game_rounds BASE TABLE", "games BASE TABLE",
                            "players BASE TABLE", "questions VIEW"),
                    column(statement, "SELECT table_name || ' ' || table_type FROM information_schema.tables"
                            + " WHERE table_schema = current_schema() AND table_name <> '"
                            + SchemaMigrations.HISTORY_TABLE + "' ORDER BY table_name"));
            assertEquals(List.of("2"), column(statement, "SELECT count(*) FROM game_rounds"),
                    "one row a game holds its questions and answers");
            assertEquals(List.of("13", "18"), column(statement, "SELECT count(*) FROM questions"
                    + " UNION ALL SELECT count(*) FROM answers ORDER BY 1"), "the views show a row each");
            assertEquals(List.of("game_rounds.game_rounds_pkey", "games.games_by_end", "games.games_by_room",
                            "games.games_instance_game_id_key", "games.games_pkey"),
                    column(statement, "SELECT tablename || '.' || indexname FROM pg_indexes"
                            + " WHERE schemaname = current_schema() AND tablename IN ('game_rounds', 'games')"
                            + " ORDER BY 1"));
            assertTrue(column(statement, "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    + " AND indexname = 'games_by_room'").get(0).endsWith("WHERE (room_code IS NOT NULL)"));
        }
    }

    @Test
    void schema_whenArraysOfARoundDisagree_thenTheDatabaseRefusesTheRow() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            String mismatched = "INSERT INTO game_rounds VALUES (1, '{1,2}', '{a}', '{integer,integer}', '{1,2}',"
                    + " '{}', '{}', '{}', '{}', '{}', '{}')";
            String unknownOutcome = "INSERT INTO game_rounds VALUES (2, '{1}', '{a}', '{integer}', '{1}',"
                    + " '{0}', '{1}', '{x}', '{maybe}', '{0}', '{5}')";
            String nullPlayer = "INSERT INTO game_rounds VALUES (3, '{1}', '{a}', '{integer}', '{1}',"
                    + " '{NULL}', '{1}', '{x}', '{wrong}', '{0}', '{5}')";
            for (String insert : List.of(mismatched, unknownOutcome, nullPlayer)) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(insert), insert);
                assertEquals("23514", refused.getSQLState(), refused.getMessage()); // check_violation
            }
        }
    }
}
