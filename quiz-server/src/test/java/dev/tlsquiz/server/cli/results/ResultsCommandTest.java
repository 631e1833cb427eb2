package dev.tlsquiz.server.cli.results;

import static dev.tlsquiz.server.results.store.TestGames.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.server.cli.QuizServerMain;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.results.store.DatabaseLocation;
import dev.tlsquiz.server.results.store.ExpectedExport;
import dev.tlsquiz.server.results.store.GameStores;
import dev.tlsquiz.server.results.store.ResultsStore;
import dev.tlsquiz.server.results.store.SchemaMigrations;
import dev.tlsquiz.server.results.store.Dialect;
import dev.tlsquiz.server.results.store.TestGames;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import picocli.CommandLine;

/** The {@code results} commands through picocli, as a user runs them, against a real SQLite file. */
class ResultsCommandTest {

    private static final String INJECTION = "x'); DROP TABLE games;--";
    private static final String ESCAPES = "\u001b]0;owned\u0007\u001b[2Jeve";

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Path dataDir() {
        return temp.resolve("data");
    }

    private Run results(String... args) {
        CommandLine commandLine = QuizServerMain.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("results"));
        all.addAll(List.of(args));
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run resultsHere(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dataDir().toString()));
        return results(all.toArray(String[]::new));
    }

    private void keep(GameRecord... games) throws Exception {
        try (ResultsStore store = GameStores.open(DatabaseLocation.sqlite(dataDir()))) {
            for (GameRecord game : games) {
                store.save(game);
            }
        }
    }

    @Test
    void list_whenGamesKept_thenAlignedTableMostRecentFirst() throws Exception {
        keep(TestGames.room(0xabc, "K7QX", T0, "ada", "~bob", "~cy"), TestGames.solo(0x12, "~dee", T0.plusSeconds(60), 4, 3));

        Run run = resultsHere("list");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(String.join("\n",
                "ENDED (UTC)           GAME  KIND  ROOM  PLAYERS  QUESTIONS  LEADER  SCORE  HOW IT ENDED",
                "2026-11-01 10:01:00Z  12    solo  -           1          4  ~dee       30  completed",
                "2026-11-01 10:00:00Z  abc   room  K7QX        3          3  ada       300  completed",
                ""), run.out());
        assertEquals("", run.err());
    }

    @Test
    void list_whenFilteredByHostileNames_thenBoundAsTextAndShownSanitised() throws Exception {
        keep(TestGames.room(1, "R1", T0, INJECTION, ESCAPES, "~cy"), TestGames.solo(2, "~dee", T0.plusSeconds(60), 2, 1));

        Run byInjection = resultsHere("list", "--player", INJECTION);
        Run byEscapes = resultsHere("list", "--player", ESCAPES);
        Run noSuch = resultsHere("list", "--player", "x' OR '1'='1");

        assertEquals(0, byInjection.exitCode(), byInjection.toString());
        assertEquals(2, byInjection.out().lines().count(), byInjection.out());
        assertTrue(byInjection.out().contains(INJECTION), byInjection.out());
        assertEquals(2, byEscapes.out().lines().count(), byEscapes.out());
        assertEquals("No kept games match.\n", noSuch.out());
        assertEquals(3, resultsHere("list").out().lines().count(), "both games are still there");

        Run show = resultsHere("show", "1");
        assertEquals(0, show.exitCode(), show.toString());
        assertFalse(show.out().contains("\u001b"), "no raw escape reaches the terminal");
        assertFalse(show.out().contains("\u0007"));
        assertTrue(show.out().contains("\\x1b]0;owned\\x07\\x1b[2Jeve"), show.out());
    }

    @Test
    void listAndExport_whenTheRoomCodeIsTypedInAnyCaseWithoutTheDash_thenItsGames() throws Exception {
        keep(TestGames.room(1, "K7Q-2MF", T0, "ada", "~bob", "~cy"), TestGames.room(2, "R2", T0, "ada", "~bob", "~cy"));

        assertEquals(List.of("1"), gameIds(resultsHere("list", "--room", "k7q2mf")));
        assertEquals(List.of("1"), gameIds(resultsHere("list", "--room", "K7Q-2MF")));
        Run export = resultsHere("export", "--room", "k7q-2mf");
        assertEquals(0, export.exitCode(), export.toString());
        assertTrue(export.out().contains("K7Q-2MF") && !export.out().contains(",R2,"), export.out());
    }

    @Test
    void list_whenSinceRoomAndLimit_thenOnlyThoseGames() throws Exception {
        keep(TestGames.room(1, "R1", T0, "ada", "~bob", "~cy"), TestGames.room(2, "R2", T0.plusSeconds(3600), "ada", "~bob", "~cy"),
                TestGames.solo(3, "~dee", T0.plus(Duration.ofDays(2)), 2, 1));

        assertEquals(List.of("3", "2"), gameIds(resultsHere("list", "--since", "2026-11-01T10:30:00Z")));
        assertEquals(List.of("3"), gameIds(resultsHere("list", "--since", "2026-11-02")));
        assertEquals(List.of("2"), gameIds(resultsHere("list", "--room", "R2")));
        Run limited = resultsHere("list", "--limit", "1");
        assertEquals(List.of("3"), gameIds(limited));
        assertTrue(limited.out().endsWith("(the 1 most recent game; --limit 0 lists all)\n"), limited.out());
        assertEquals(3, gameIds(resultsHere("list", "--since", "10000d")).size());
    }

    private static List<String> gameIds(Run run) {
        assertEquals(0, run.exitCode(), run.toString());
        return run.out().lines().skip(1).filter(line -> line.startsWith("20"))
                .map(line -> line.split("\\s+")[2]).toList();
    }

    @Test
    void show_whenGameKept_thenPlayersAndPerQuestionTable() throws Exception {
        keep(TestGames.room(0xabc, "K7QX", T0, "ada", "~bob", "~cy"));

        Run run = resultsHere("show", "ABC");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(String.join("\n",
                "Game abc: a room game in room K7QX, on instance quiz-a",
                "Questions: bank=maths.gift order=shuffled",
                "Played: 2026-11-01 09:58:30Z to 2026-11-01 10:00:00Z, completed",
                "",
                "RANK  PLAYER  VERIFIED  SCORE  CORRECT  ANSWERED",
                "   1  ada     yes         300        3         3",
                "   2  ~bob    no          100        1         2",
                "   2  ~cy     no          100        1         2",
                "",
                "#  QUESTION            ACCEPTED  PLAYER  ANSWER  OUTCOME  POINTS     MS",
                "1  7 + 5               12        ada     12      correct     100   1200",
                "                                 ~bob    13      wrong         0   2500",
                "                                 ~cy     12      correct     100    900",
                "2  Capital of France?  a) Paris  ada     a       correct     100   3000",
                "                                 ~bob    a       correct     100   4100",
                "                                 ~cy     b       wrong         0   1000",
                "3  Pi to two places    3.14      ada     3.14    correct     100   5000",
                "                                 ~bob    -       timeout       0  20000",
                ""), run.out());
    }

    @Test
    void show_whenAddressesKept_thenAnAddressColumn() throws Exception {
        keep(TestGames.solo(0x12, "~dee", T0, 2, 2));

        Run run = resultsHere("show", "12");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains(String.join("\n",
                "RANK  PLAYER  VERIFIED  SCORE  CORRECT  ANSWERED  ADDRESS",
                "   1  ~dee    no           20        2         2  127.0.0.1")), run.out());
    }

    @Test
    void show_whenNoSuchGame_thenExit1SayingWhatToDo() throws Exception {
        keep(TestGames.solo(1, "~ann", T0, 2, 1));

        Run run = resultsHere("show", "ff");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("quiz-server results: no kept game ff in SQLite "), run.err());
        assertTrue(run.err().contains("'quiz-server results list' shows the kept games"), run.err());
    }

    @Test
    void show_whenIdIsNotHex_thenUsageError() {
        Run run = resultsHere("show", "x'; DROP TABLE games");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("expected: a game id such as"), run.err());
    }

    @Test
    void export_whenCsv_thenParsedBackEqualsWhatWasPlayedWithFormulasNeutralised() throws Exception {
        GameRecord formulas = new GameRecord(5, GameRecord.GameKind.ROOM, "quiz-a", "@ROOM", "ops=+", T0.minusSeconds(9),
                T0.plusSeconds(1), "completed",
                List.of(new PlayerRecord("=1+2", false, null, null, 5, 1, 1, 1),
                        new PlayerRecord("+cmd|' /C calc'!A0", false, null, null, 0, 2, 0, 1),
                        new PlayerRecord("\tTabby", false, null, null, 0, 2, 0, 1),
                        new PlayerRecord("\rCarriage", false, null, null, 0, 2, 0, 0)),
                List.of(new QuestionRecord(1, "-2 - -2", AnswerFormat.INTEGER, List.of(), "0")),
                List.of(new AnswerRecord(0, 1, "0", Judgement.CORRECT, 5, 100),
                        new AnswerRecord(1, 1, "@SUM(A1:A9)", Judgement.WRONG, 0, 200),
                        new AnswerRecord(2, 1, "-0", Judgement.WRONG, 0, 300)));
        List<GameRecord> games = List.of(TestGames.room(1, "R1", T0, "ada", "~bob", "~cy"), formulas,
                TestGames.solo(2, "~dee", T0.plusSeconds(60), 3, 2));
        keep(games.toArray(GameRecord[]::new));

        Run run = resultsHere("export");

        assertEquals(0, run.exitCode(), run.toString());
        List<List<String>> rows = parseCsv(run.out());
        assertEquals(ExpectedExport.csvCells(games), rows);
        List<String> formulaRows = rows.stream().filter(row -> row.get(1).equals("5")).map(row -> row.get(6)).toList();
        assertEquals(List.of("'=1+2", "'+cmd|' /C calc'!A0", "'\tTabby", "'\rCarriage"), formulaRows);
        assertEquals(List.of("'@ROOM"), rows.stream().filter(row -> row.get(1).equals("5")).map(row -> row.get(3)).distinct().toList());
        assertTrue(rows.stream().anyMatch(row -> row.get(15).equals("'@SUM(A1:A9)")));
        assertTrue(rows.stream().anyMatch(row -> row.get(12).equals("'-2 - -2")));
        assertTrue(run.out().startsWith(String.join(",", dev.tlsquiz.server.results.query.ExportRow.COLUMNS) + "\r\n"));
    }

    @Test
    void export_whenOutputFile_thenPrivateFileWithTheSameCsv() throws Exception {
        List<GameRecord> games = List.of(TestGames.room(1, "R1", T0, "ada", "~bob", "~cy"));
        keep(games.toArray(GameRecord[]::new));
        Path file = temp.resolve("grades.csv");

        Run run = resultsHere("export", "--output", file.toString(), "--room", "R1");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(ExpectedExport.csvCells(games), parseCsv(Files.readString(file)));
    }

    @Test
    void export_whenJson_thenOneObjectPerPlayerPerQuestion() throws Exception {
        keep(TestGames.room(1, "R1", T0, "ada", INJECTION, "~cy"));

        Run run = resultsHere("export", "--format", "json", "--player", INJECTION);

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertEquals(3, rows.size());
        JsonNode timeout = rows.get(2);
        assertEquals(INJECTION, timeout.get("player").asText());
        assertEquals(3, timeout.get("question").asInt());
        assertTrue(timeout.get("answer").isNull());
        assertEquals("timeout", timeout.get("outcome").asText());
        assertEquals(20000, timeout.get("millis").asLong());
        assertEquals("2026-11-01T10:00:00.123Z", timeout.get("ended").asText());
    }

    @Test
    void top_whenByScoreAndByAccuracy_thenRankedTables() throws Exception {
        keep(TestGames.room(1, "R", T0, "ada", "~bob", "~cy"), TestGames.solo(2, "~bob", T0.plusSeconds(10), 4, 2),
                TestGames.solo(3, "~cy", T0.plusSeconds(20), 4, 2));

        Run byScore = resultsHere("top");
        Run byAccuracy = resultsHere("top", "--by", "accuracy", "--limit", "2");

        assertEquals(String.join("\n",
                "RANK  PLAYER  GAMES  SCORE  CORRECT  ASKED  ACCURACY",
                "   1  ada         1    300        3      3    100.0%",
                "   2  ~bob        2    120        3      7     42.9%",
                "   2  ~cy         2    120        3      6     50.0%",
                ""), byScore.out());
        assertEquals(String.join("\n",
                "RANK  PLAYER  GAMES  SCORE  CORRECT  ASKED  ACCURACY",
                "   1  ada         1    300        3      3    100.0%",
                "   2  ~cy         2    120        3      6     50.0%",
                ""), byAccuracy.out());
    }

    @Test
    void prune_whenOlderThan90d_thenOldGamesGoAndTheCountIsShown() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        keep(TestGames.solo(1, "~old", now.minus(Duration.ofDays(100)), 2, 1),
                TestGames.solo(2, "~new", now.minus(Duration.ofDays(1)), 2, 1));

        Run run = resultsHere("prune", "--older-than", "90d");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Deleted 1 game that ended before "), run.out());
        assertEquals(List.of("2"), gameIds(resultsHere("list")));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir().resolve("results.db"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM answers")) {
            rows.next();
            assertEquals(2, rows.getInt(1), "the old game's answers went with it");
        }
    }

    @Test
    void export_whenOutputCannotBeWritten_thenExit1SayingSo() throws Exception {
        keep(TestGames.room(1, "R1", T0, "ada", "~bob", "~cy"));
        CommandLine commandLine = QuizServerMain.newCommandLine();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }
        }, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("results", "export", "--data-dir", dataDir().toString());

        assertEquals(1, exitCode, err.toString());
        assertEquals("quiz-server results: could not write all of the output (was standard output closed?)",
                err.toString().strip());
    }

    @Test
    void prune_whenNoAge_thenUsageError() {
        Run run = resultsHere("prune");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--older-than"), run.err());
    }

    @Test
    void list_whenNoDatabaseYet_thenSaysSoAndCreatesNothing() {
        Run run = resultsHere("list");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("quiz-server results: no results kept yet: SQLite "), run.err());
        assertFalse(Files.exists(dataDir()));
    }

    @Test
    void list_whenDatabaseNone_thenUsageErrorSayingWhy() {
        Run run = results("list", "--database", "none");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--database none keeps no results"), run.err());
    }

    @Test
    void options_whenDatabaseIsNoPostgresUrlOrCarriesAPassword_thenUsageErrors() {
        Run mysql = results("list", "--database", "jdbc:mysql://localhost/x");
        Run secret = results("list", "--database", "jdbc:postgresql://localhost/x?user=a&password=hunter2");
        Run both = results("list", "--database", "jdbc:postgresql://localhost/x", "--data-dir", "d");
        Run userAlone = results("list", "--database-user", "ann");

        assertEquals(2, mysql.exitCode(), mysql.toString());
        assertTrue(mysql.err().contains("is no PostgreSQL URL (expected: jdbc:postgresql://HOST:PORT/DATABASE, or none)"),
                mysql.err());
        assertEquals(2, secret.exitCode(), secret.toString());
        assertTrue(secret.err().contains("the database URL carries a password; remove it"), secret.err());
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains("give one of them"), both.err());
        assertEquals(2, userAlone.exitCode(), userAlone.toString());
        assertTrue(userAlone.err().contains("--database-user is for a PostgreSQL --database"), userAlone.err());
    }

    @Test
    void options_whenPasswordFileIsReadableByOthers_thenExit6WithTheFix() throws Exception {
        Path file = temp.resolve("db-password");
        Files.writeString(file, "hunter2\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Run run = results("list", "--database", "jdbc:postgresql://127.0.0.1:5432/test", "--database-password-file",
                file.toString());

        assertEquals(6, run.exitCode(), run.toString());
        assertTrue(run.err().contains("is readable by group/others (mode 0644); make it private with: chmod 600 " + file),
                run.err());
        assertFalse(run.err().contains("hunter2"));
    }

    @Test
    void list_whenSchemaIsNewer_thenExit6SayingWhatToDo() throws Exception {
        keep(TestGames.solo(1, "~ann", T0, 2, 1));
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dataDir().resolve("results.db"));
        SchemaMigrations.configure(dataSource, Dialect.SQLITE)
                .locations(Dialect.SQLITE.migrations(), "classpath:db/results-future").load().migrate();

        Run run = resultsHere("list");

        assertEquals(6, run.exitCode(), run.toString());
        assertTrue(run.err().contains("has schema version 99, newer than the version 4 this tlsquiz knows"), run.err());
    }

    @Test
    void results_whenNoSubcommand_thenUsageAndExit2() {
        Run run = results();

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("list"), run.err());
    }

    private static List<List<String>> parseCsv(String csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }
}
