package dev.tlsquiz.server.cli.results;

import static dev.tlsquiz.server.results.store.TestGames.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlsquiz.server.cli.QuizServerMain;
import dev.tlsquiz.server.results.store.ExpectedExport;
import dev.tlsquiz.server.results.store.GameStores;
import dev.tlsquiz.server.results.store.ResultsStore;
import dev.tlsquiz.server.results.store.TestGames;
import dev.tlsquiz.server.results.store.TestPostgres;
import dev.tlsquiz.server.services.GameRecord;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The same commands against PostgreSQL ({@code --database}, {@code --database-user}): the same answers. */
class ResultsCommandPostgresTest {

    private static TestPostgres postgres;
    private static final List<GameRecord> GAMES = List.of(TestGames.room(0xabc, "K7QX", T0, "ada", "~bob", "~cy"),
            TestGames.solo(0x12, "~dee", T0.plusSeconds(60), 4, 3));

    @BeforeAll
    static void keepGames() throws Exception {
        postgres = TestPostgres.createSchema("commands");
        if (postgres.unavailable()) {
            return;
        }
        try (ResultsStore store = GameStores.open(postgres.location())) {
            for (GameRecord game : GAMES) {
                store.save(game);
            }
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (postgres != null) {
            postgres.dropSchema();
        }
    }

    @BeforeEach
    void requirePostgres() {
        postgres.assumeAvailable();
    }

    private static String[] run(String... args) {
        CommandLine commandLine = QuizServerMain.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("results"));
        all.addAll(List.of(args));
        all.addAll(List.of("--database", postgres.url(), "--database-user", postgres.user()));
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        return new String[] {Integer.toString(exitCode), out.toString(), err.toString()};
    }

    @Test
    void list_whenPostgres_thenTheSameTableAsSqlite() {
        String[] run = run("list");

        assertEquals("0", run[0], run[2]);
        assertEquals(String.join("\n",
                "ENDED (UTC)           GAME  KIND  ROOM  PLAYERS  QUESTIONS  LEADER  SCORE  HOW IT ENDED",
                "2026-11-01 10:01:00Z  12    solo  -           1          4  ~dee       30  completed",
                "2026-11-01 10:00:00Z  abc   room  K7QX        3          3  ada       300  completed",
                ""), run[1]);
    }

    @Test
    void export_whenPostgres_thenParsedBackEqualsWhatWasPlayed() throws Exception {
        String[] run = run("export");

        assertEquals("0", run[0], run[2]);
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(run[1]))) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        assertEquals(ExpectedExport.csvCells(GAMES), rows);
    }
}
