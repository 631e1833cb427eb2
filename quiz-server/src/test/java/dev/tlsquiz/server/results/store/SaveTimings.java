package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.services.GameRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A measurement, not a test: how long {@code save} takes for 1,000 games on SQLite and on PostgreSQL,
 * one transaction each, as the server's writer saves them. Run by hand (see the results-store notes);
 * the figures go in the notes, and a target, if any, in a benchmark.
 */
public final class SaveTimings {

    private SaveTimings() {
    }

    public static void main(String[] args) throws Exception {
        int games = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("tlsquiz-timings");
        try (ResultsStore sqlite = GameStores.open(DatabaseLocation.sqlite(dir))) {
            measure("SQLite (WAL, synchronous=FULL)", sqlite, games);
        }
        TestPostgres postgres = TestPostgres.createSchema("timings");
        if (postgres.unavailable()) {
            return;
        }
        try (ResultsStore store = GameStores.open(postgres.location())) {
            measure("PostgreSQL " + postgres.url(), store, games);
        } finally {
            postgres.dropSchema();
        }
    }

    private static void measure(String where, ResultsStore store, int games) throws Exception {
        List<GameRecord> room = new ArrayList<>();
        List<GameRecord> solo = new ArrayList<>();
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < games; i++) {
            room.add(TestGames.room(2L * i, "R" + i, t.plusSeconds(i), "ada", "~bob", "~cy"));
            solo.add(TestGames.solo(2L * i + 1, "~dee", t.plusSeconds(i), 10, 7));
        }
        for (GameRecord game : room.subList(0, Math.min(50, games))) {
            store.save(game); // warm-up: JIT, the pool, the driver
        }
        long start = System.nanoTime();
        for (GameRecord game : room.subList(Math.min(50, games), games)) {
            store.save(game);
        }
        long roomNanos = System.nanoTime() - start;
        start = System.nanoTime();
        for (GameRecord game : solo) {
            store.save(game);
        }
        long soloNanos = System.nanoTime() - start;
        List<GameRecord> batched = new ArrayList<>();
        for (int i = 0; i < games; i++) {
            batched.add(TestGames.room(10_000_000L + i, "B" + i, t.plusSeconds(i), "ada", "~bob", "~cy"));
        }
        start = System.nanoTime();
        for (int i = 0; i < games; i += 50) {
            store.saveAll(batched.subList(i, Math.min(games, i + 50)));
        }
        long batchNanos = System.nanoTime() - start;
        int timedRooms = games - Math.min(50, games);
        System.out.printf("%s: %d room games (3 players, 3 questions, 8 answers) in %d ms (%.2f ms each);"
                        + " %d solo games (10 questions) in %d ms (%.2f ms each)%n", where, timedRooms, roomNanos / 1_000_000,
                roomNanos / 1e6 / timedRooms, games, soloNanos / 1_000_000, soloNanos / 1e6 / games);
        System.out.printf("%s: %d room games by saveAll, 50 a transaction, in %d ms (%.2f ms each)%n", where, games,
                batchNanos / 1_000_000, batchNanos / 1e6 / games);
    }
}
