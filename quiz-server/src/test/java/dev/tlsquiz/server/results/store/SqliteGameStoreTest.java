package dev.tlsquiz.server.results.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.results.GameStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The store contract on SQLite, in a data folder of its own per test; and what only SQLite has: files. */
class SqliteGameStoreTest extends GameStoreContractTest {

    @TempDir
    Path temp;

    Path dataDir() {
        return temp.resolve("data");
    }

    @Override
    DatabaseLocation location() {
        return DatabaseLocation.sqlite(dataDir());
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    private String url() {
        return "jdbc:sqlite:" + dataDir().resolve(DatabaseLocation.SQLITE_FILE);
    }

    @Override
    DataSource dataSource() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url());
        return dataSource;
    }

    @Override
    Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    void refuseAnswersWithText(Connection connection, String text) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Answers are kept in game_rounds since schema version 4.
            statement.execute("CREATE TRIGGER refuse_answer BEFORE INSERT ON game_rounds WHEN EXISTS (SELECT 1"
                    + " FROM json_each(NEW.answers) WHERE value ->> 2 = '" + text + "')"
                    + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        }
    }

    @Override
    void wipe() throws IOException {
        // The database and its WAL files; the folder itself stays, as a fresh --data-dir would.
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(dataDir().resolve(DatabaseLocation.SQLITE_FILE + suffix));
        }
    }

    @Test
    void open_whenNoDataFolder_thenCreatedPrivateWithAPrivateDatabaseInWalMode() throws Exception {
        store.save(TestGames.solo(1, "~ann", TestGames.T0, 2, 1));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir())));
        Path file = dataDir().resolve("results.db");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Path wal = dataDir().resolve("results.db-wal");
        assertTrue(Files.exists(wal), "WAL mode keeps a -wal file while open");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)));
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertEquals("wal", mode.getString(1));
        }
    }

    @Test
    void openExisting_whenNoDatabaseYet_thenEmptyAndNothingCreated() throws Exception {
        Path elsewhere = temp.resolve("typo");

        assertTrue(GameStores.openExisting(DatabaseLocation.sqlite(elsewhere)).isEmpty());

        assertFalse(Files.exists(elsewhere));
    }

    @Test
    void open_whenDataDirIsAFile_thenClearError() throws Exception {
        Path file = Files.writeString(temp.resolve("plain-file"), "x");

        GameStoreException refused = assertThrows(GameStoreException.class,
                () -> GameStores.open(DatabaseLocation.sqlite(file)));

        assertTrue(refused.getMessage().contains("is not a folder; give --data-dir a folder"), refused.getMessage());
    }

    @Test
    void open_whenSeveralOpenANewDatabaseAtOnce_thenEachMigratesOrSeesItMigrated() throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                DatabaseLocation fresh = DatabaseLocation.sqlite(temp.resolve("race-" + round));
                java.util.List<java.util.concurrent.Future<ResultsStore>> opening = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    opening.add(threads.submit(() -> GameStores.open(fresh)));
                }
                for (java.util.concurrent.Future<ResultsStore> future : opening) {
                    try (ResultsStore opened = future.get(60, java.util.concurrent.TimeUnit.SECONDS)) {
                        assertEquals(java.util.List.of(), opened.games(dev.tlsquiz.server.results.query.GameFilter.all()));
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void open_whenAnotherStoreHasItOpen_thenBothWorkOneWriterAtATime() throws Exception {
        try (ResultsStore second = GameStores.open(location())) {
            store.save(TestGames.solo(1, "~ann", TestGames.T0, 2, 1));
            second.save(TestGames.solo(2, "~bob", TestGames.T0, 2, 1));

            assertEquals(2, second.games(dev.tlsquiz.server.results.query.GameFilter.all()).size());
            assertEquals(2, store.games(dev.tlsquiz.server.results.query.GameFilter.all()).size());
        }
    }

    @Test
    void schema_questionsAndAnswersAreOneRowPerGameAndOnlyRoomGamesAreIndexedByRoom() throws Exception {
        store.save(TestGames.room(1, "K7QX", TestGames.T0, "ada", "~bob", "~cy"));
        store.save(TestGames.solo(2, "~dee", TestGames.T0, 10, 7));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertEquals(List.of("answers view", "choices table", "game_rounds table", "games table",
                            "players table", "questions view"),
                    column(statement, "SELECT name || ' ' || type FROM sqlite_schema WHERE type IN ('table', 'view')"
                            + " AND name NOT LIKE '" + SchemaMigrations.HISTORY_TABLE + "%' ORDER BY name"));
            assertEquals(List.of("2"), column(statement, "SELECT count(*) FROM game_rounds"),
                    "one row a game holds its questions and answers");
            assertEquals(List.of("13", "18"), column(statement, "SELECT count(*) FROM questions"
                    + " UNION ALL SELECT count(*) FROM answers ORDER BY 1"), "the views show a row each");
            // What show, export and the leaderboard read a game by: its row's key, no scan.
            assertTrue(plan(connection, "SELECT * FROM answers WHERE game = 1").contains("USING INTEGER PRIMARY KEY"),
                    plan(connection, "SELECT * FROM answers WHERE game = 1"));
            assertTrue(plan(connection, "SELECT id FROM games WHERE room_code = 'K7QX'").contains("games_by_room"));
            assertEquals(List.of("1"), column(statement, "SELECT partial FROM pragma_index_list('games')"
                    + " WHERE name = 'games_by_room'"), "games_by_room is partial: games with a room code only");
        }
    }

    @Test
    void schema_whenRoundsAreNotJsonArrays_thenTheDatabaseRefusesTheRow() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String insert : List.of("INSERT INTO game_rounds VALUES (1, '{}', '[]')",
                    "INSERT INTO game_rounds VALUES (2, '[]', 'not json')",
                    "INSERT INTO game_rounds VALUES (3, '[]', NULL)")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(insert), insert);
                assertTrue(refused.getMessage().contains("constraint failed"), refused.getMessage());
            }
        }
    }

    private static String plan(Connection connection, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + query)) {
            while (rows.next()) {
                plan.append(rows.getString("detail")).append('\n');
            }
        }
        return plan.toString();
    }
}
