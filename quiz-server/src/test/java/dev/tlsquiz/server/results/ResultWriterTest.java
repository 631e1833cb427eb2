package dev.tlsquiz.server.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.server.Conditions;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import dev.tlsquiz.server.services.ServerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The writer over an in-memory store that can fail and hang: order, retries, bounds, shutdown, health. */
class ResultWriterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MemoryGameStore store = new MemoryGameStore();
    private final Counted metrics = new Counted();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> infos = new CopyOnWriteArrayList<>();
    private ResultWriter writer;

    private ResultWriter writer(int capacity, int hardLimit) {
        return writer(capacity, hardLimit, ResultWriter.COMMIT_SPACING);
    }

    private ResultWriter writer(int capacity, int hardLimit, Duration commitSpacing) {
        writer = new ResultWriter(store, capacity, hardLimit, metrics,
                new StoreHealth(System::nanoTime, warnings::add, infos::add), Duration.ofMillis(5),
                Duration.ofMillis(40), commitSpacing);
        return writer;
    }

    @AfterEach
    void closeWriter() {
        store.up();
        store.release();
        if (writer != null) {
            writer.close(WAIT);
        }
    }

    static GameRecord game(long id) {
        Instant start = Instant.parse("2026-11-28T05:00:00Z");
        return new GameRecord(id, GameRecord.GameKind.SOLO, "test:1", null, "ops=add digits=2 time-limit=30s",
                start, start.plusSeconds(3), "completed",
                List.of(new PlayerRecord("ada", false, null, null, 137, 1, 1, 1)),
                List.of(new QuestionRecord(1, "20 + 22", AnswerFormat.INTEGER, List.of(), "42")),
                List.of(new AnswerRecord(0, 1, "42", Judgement.CORRECT, 137, 2_500)));
    }

    @Test
    void gameEnded_completesOnlyOnceTheStoreHasKeptTheGame() throws Exception {
        writer(10, 10);
        store.hang();
        CompletableFuture<Void> kept = writer.gameEnded(game(1)).toCompletableFuture();
        Conditions.await("the writer to call the store", WAIT, () -> store.attempts() == 1);
        assertFalse(kept.isDone(), "the stage completed before the store returned");
        assertEquals(1, writer.queued());
        assertTrue(store.games().isEmpty());

        store.release();
        kept.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of(game(1)), store.games());
        assertEquals(0, writer.queued());
        assertEquals(1, metrics.written.get());
    }

    @Test
    void gameEnded_keepsGamesInTheOrderTheyEnded() throws Exception {
        writer(1000, 1000);
        store.hang();
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        LongStream.rangeClosed(1, 200).forEach(id -> stages.add(writer.gameEnded(game(id)).toCompletableFuture()));
        store.release();
        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(LongStream.rangeClosed(1, 200).boxed().toList(),
                store.games().stream().map(GameRecord::gameId).toList());
    }

    @Test
    void gamesWaitingTogether_areKeptInGroupsOfAtMostTheBatch() throws Exception {
        writer(1000, 1000);
        store.hang();
        CompletableFuture<Void> first = writer.gameEnded(game(0)).toCompletableFuture();
        Conditions.await("the writer to hold the first game", WAIT, () -> store.attempts() == 1);
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        LongStream.rangeClosed(1, 100).forEach(id -> stages.add(writer.gameEnded(game(id)).toCompletableFuture()));
        store.release();
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // The 100 that waited behind the first: one group of 64, then the 36 left.
        assertEquals(List.of(ResultWriter.BATCH, 100 - ResultWriter.BATCH), store.groups());
        assertEquals(LongStream.rangeClosed(0, 100).boxed().toList(),
                store.games().stream().map(GameRecord::gameId).toList());
        assertEquals(101, metrics.written.get());
    }

    @Test
    void gamesEndingSoonAfterACommit_waitForTheSpacingAndAreKeptInOneGroup() throws Exception {
        // A spacing far longer than the test needs to hand over three games, so that they all land in it.
        writer(1000, 1000, Duration.ofSeconds(3));
        writer.gameEnded(game(0)).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, store.attempts(), "a game on a quiet writer is kept alone, at once");

        List<CompletableFuture<Void>> stages = new ArrayList<>();
        LongStream.rangeClosed(1, 3).forEach(id -> stages.add(writer.gameEnded(game(id)).toCompletableFuture()));
        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(List.of(3), store.groups());
        assertEquals(2, store.attempts());
        assertEquals(LongStream.rangeClosed(0, 3).boxed().toList(),
                store.games().stream().map(GameRecord::gameId).toList());
    }

    @Test
    void close_whileGamesWaitForTheSpacing_thenKeepsThemWithoutWaitingItOut() throws Exception {
        writer(1000, 1000, Duration.ofMinutes(10));
        writer.gameEnded(game(0)).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture<Void> waiting = writer.gameEnded(game(1)).toCompletableFuture();
        Conditions.await("the writer to take the game", WAIT, () -> writer.queued() == 1);

        writer.close(WAIT);

        assertTrue(waiting.isDone() && !waiting.isCompletedExceptionally(),
                "a game waiting for the spacing is kept by the drain, not given up");
        assertEquals(List.of(0L, 1L), store.games().stream().map(GameRecord::gameId).toList());
    }

    @Test
    void storeDown_thenGamesWaitTheQueueFillsAndEveryGameIsKeptWhenItIsBack() throws Exception {
        writer(3, 10);
        store.down();
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            assertTrue(writer.accepting(), "accepting before game " + id);
            stages.add(writer.gameEnded(game(id)).toCompletableFuture());
        }
        assertFalse(writer.accepting(), "the queue is full: new games must be refused");
        // Games that were running when it filled still get their place.
        stages.add(writer.gameEnded(game(4)).toCompletableFuture());
        Conditions.await("a few failed attempts", WAIT, () -> metrics.failed.get() >= 3);
        assertTrue(stages.stream().noneMatch(CompletableFuture::isDone), "a stage completed while the store was down");
        assertEquals(4, writer.queued());

        store.up();
        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of(1L, 2L, 3L, 4L), store.games().stream().map(GameRecord::gameId).toList());
        assertTrue(writer.accepting());
        assertEquals(4, metrics.written.get());
        assertTrue(metrics.retried.get() >= metrics.failed.get(), "every failure is retried: " + metrics);

        assertTrue(warnings.stream().anyMatch(line -> line.startsWith("results store unavailable: \"connection"
                + " refused (memory store down)\"; ")), "no down line in " + warnings);
        assertTrue(warnings.stream().anyMatch(line -> line.startsWith("results queue full (3 finished games waiting")),
                "no queue-full line in " + warnings);
        assertTrue(infos.stream().anyMatch(line -> line.startsWith("results store available again after ")),
                "no up line in " + infos);
        // Rate-limited: dozens of failures, one down line (the interval is 10 s).
        assertEquals(1, warnings.stream().filter(line -> line.startsWith("results store unavailable")).count(),
                () -> "down lines: " + warnings);
    }

    @Test
    void gameEnded_pastTheHardLimit_thenFailsAtOnce() throws Exception {
        writer(1, 2);
        store.hang();
        writer.gameEnded(game(1));
        Conditions.await("the writer to hold the first game", WAIT, () -> store.attempts() == 1);
        writer.gameEnded(game(2));
        writer.gameEnded(game(3));
        CompletableFuture<Void> refused = writer.gameEnded(game(4)).toCompletableFuture();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> refused.get(1, TimeUnit.SECONDS));
        assertInstanceOf(GameStoreException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().startsWith("results store unavailable: "));
    }

    @Test
    void save_whenTheStoreRefusesAGameForGood_thenItsStageFailsAndTheNextIsKept() throws Exception {
        GameStore picky = new GameStore() {
            @Override
            public void save(GameRecord game) throws GameStoreException {
                if (game.gameId() == 1) {
                    throw new IllegalStateException("a bug in the store");
                }
                store.save(game);
            }

            @Override
            public void close() {
                store.close();
            }
        };
        writer = new ResultWriter(picky, 10, 10, metrics, new StoreHealth(System::nanoTime, warnings::add, infos::add),
                Duration.ofMillis(5), Duration.ofMillis(40), ResultWriter.COMMIT_SPACING);
        CompletableFuture<Void> bad = writer.gameEnded(game(1)).toCompletableFuture();
        CompletableFuture<Void> good = writer.gameEnded(game(2)).toCompletableFuture();
        good.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(bad.isCompletedExceptionally());
        assertEquals(List.of(2L), store.games().stream().map(GameRecord::gameId).toList());
        assertEquals(0, writer.queued());
    }

    @Test
    void close_keepsWhatIsQueuedWithinTheDrainTime() throws Exception {
        writer(100, 100);
        store.hang();
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        LongStream.rangeClosed(1, 20).forEach(id -> stages.add(writer.gameEnded(game(id)).toCompletableFuture()));
        store.release();
        writer.close(WAIT);
        assertTrue(stages.stream().allMatch(stage -> stage.isDone() && !stage.isCompletedExceptionally()));
        assertEquals(20, store.games().size());
        assertTrue(store.isClosed());
        assertFalse(writer.accepting());
        CompletableFuture<Void> late = writer.gameEnded(game(21)).toCompletableFuture();
        assertTrue(late.isCompletedExceptionally(), "a game after close must fail, not wait forever");
    }

    @Test
    void close_whenTheStoreStaysDown_thenGivesUpAfterTheDrainTimeAndFailsTheRest() throws Exception {
        writer(100, 100);
        store.down();
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        LongStream.rangeClosed(1, 5).forEach(id -> stages.add(writer.gameEnded(game(id)).toCompletableFuture()));
        Conditions.await("a failed attempt", WAIT, () -> metrics.failed.get() >= 1);
        writer.close(Duration.ofMillis(200));
        assertTrue(stages.stream().allMatch(CompletableFuture::isCompletedExceptionally),
                "every stage fails once the writer gives up");
        assertEquals(0, writer.queued());
        assertTrue(store.isClosed());
    }

    @Test
    void close_whenTheStoreHangs_thenStillReturns() throws Exception {
        writer(100, 100);
        store.hang();
        CompletableFuture<Void> stage = writer.gameEnded(game(1)).toCompletableFuture();
        Conditions.await("the writer to call the store", WAIT, () -> store.attempts() == 1);
        // The memory store answers an interrupt as a JDBC driver may: with a failure.
        writer.close(Duration.ofMillis(100));
        assertTrue(stage.isCompletedExceptionally());
    }

    /** Counts the writer's metric hooks. */
    static final class Counted implements ServerMetrics {
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();

        @Override
        public void resultsWritten() {
            written.incrementAndGet();
        }

        @Override
        public void resultsWriteFailed() {
            failed.incrementAndGet();
        }

        @Override
        public void resultsRetried() {
            retried.incrementAndGet();
        }

        @Override
        public String toString() {
            return "written " + written + ", failed " + failed + ", retried " + retried;
        }
    }
}
