package dev.tlsquiz.server.results;

import dev.tlsquiz.server.Durations;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.ResultSink;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.text.Counts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps finished games in a {@link GameStore}, off the event loops: {@link #gameEnded} only puts the
 * immutable record in a queue; one writer thread of its own takes the games in order and saves
 * them (a game alone in its own transaction, games waiting together in one: see Batches), retrying
 * with a growing pause while the store fails, and completes each game's stage once its transaction
 * has committed (on the writer thread: a session continues on its own event loop with
 * {@code whenCompleteAsync(..., ctx.executor())}).
 *
 * <p><b>Bounds.</b> {@link #accepting()} turns false once {@code capacity} games wait, and the server
 * then starts no new game; a game already running when the queue filled still gets a place when it
 * ends, so the queue never holds more than {@code capacity} plus the games that were being played,
 * and no game that was admitted is dropped for lack of room. {@code hardLimit} is the last guard
 * (the server passes its connection limit on top of the capacity): past it a game's stage fails at
 * once.
 *
 * <p><b>Batches (group commit).</b> When several games wait, the writer takes up to {@link #BATCH} at
 * once and keeps them in one transaction ({@link GameStore#saveAll}): a commit (and its flush to
 * disk) is shared by the group, which is what lets a single writer keep up with many event loops.
 * Commits are spaced at least {@link #COMMIT_SPACING} apart: a game that ends within that time of the
 * last commit waits for the rest of it, with whatever other games end meanwhile. On a quiet server
 * the last commit is long past and a game is kept at once; on a busy one a flush to disk (the
 * dearest part of a commit, above all on a virtual disk) is shared by several games instead of
 * being paid by each, for a few milliseconds more before a summary is shown (20 ms at most: a
 * flush costs about half a millisecond of CPU on a virtual disk, and writing solo games in groups of
 * 28 instead of 14 cost SQLite's writer 13 us of CPU a game less). The
 * group is kept whole or not at all, and retried whole; every game in it is complete or absent, never
 * half kept. A group the store refuses for good (a record that contradicts itself) is kept again game
 * by game, so that one bad game costs only its own stage. One game waiting alone is saved on its own.
 *
 * <p><b>Failures.</b> A {@link GameStoreException} (the database unreachable, a lock, a refused
 * connection) is retried after 100 ms, doubling to 5 s, until it succeeds or the writer is closed:
 * the store's save is idempotent, so a commit whose acknowledgement was lost is not kept twice. Any
 * other exception is a game the store will never take (a record that contradicts itself, a bug):
 * its stage fails, the writer logs it and goes on with the next. The store's health (down, still down, up again) is logged by
 * {@link StoreHealth}, at a bounded rate.
 *
 * <p><b>Shutdown.</b> {@link #close(Duration)} refuses new games, lets the writer keep what is
 * queued within the given time, then gives up on the rest (their stages fail: no player was shown
 * their result) and closes the store.
 */
public final class ResultWriter implements ResultSink, AutoCloseable {

    /** Games taken from the queue at once, when several wait. */
    static final int BATCH = 64;
    /** The least time from one commit's start to the next's: at most 50 flushes to disk a second. */
    static final Duration COMMIT_SPACING = Duration.ofMillis(20);
    private static final long GATHER_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ResultWriter.class);

    /** A game waiting to be kept, with the stage its session waits on. */
    private record Pending(GameRecord game, CompletableFuture<Void> kept) {
    }

    private final GameStore store;
    private final int capacity;
    private final ServerMetrics metrics;
    private final StoreHealth health;
    private final Duration firstRetry;
    private final Duration lastRetry;
    private final long spacingNanos;
    private final BlockingQueue<Pending> queue;
    /** Games handed over and not yet kept or given up: the queue plus the batch in hand. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread writer;
    /** Guards the decision to stop against a game being queued at the same moment. */
    private final Object lock = new Object();
    /** Written under lock (with stopped); read without it by accepting() on the event loops. */
    private volatile boolean closing;
    private boolean stopped;
    private volatile boolean abandon;
    private volatile boolean full;
    private boolean storeClosed;

    /**
     * Starts the writer thread.
     *
     * @param store     where games are kept; closed by {@link #close}
     * @param capacity  games that may wait before {@link #accepting()} turns false ({@code --results-queue})
     * @param hardLimit games that may wait at all, at least {@code capacity}
     * @param metrics   told of every game written, every failed write and every retry
     */
    public ResultWriter(GameStore store, int capacity, int hardLimit, ServerMetrics metrics) {
        this(store, capacity, hardLimit, metrics, new StoreHealth(System::nanoTime), FIRST_RETRY, LAST_RETRY,
                COMMIT_SPACING);
    }

    ResultWriter(GameStore store, int capacity, int hardLimit, ServerMetrics metrics, StoreHealth health,
                 Duration firstRetry, Duration lastRetry, Duration commitSpacing) {
        if (capacity < 1 || hardLimit < capacity) {
            throw new IllegalArgumentException("capacity: " + capacity + ", hardLimit: " + hardLimit
                    + " (expected: 1 <= capacity <= hardLimit)");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.capacity = capacity;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.health = Objects.requireNonNull(health, "health");
        this.firstRetry = firstRetry;
        this.lastRetry = lastRetry;
        this.spacingNanos = commitSpacing.toNanos();
        this.queue = new LinkedBlockingQueue<>(hardLimit);
        this.writer = new Thread(this::run, "tlsquiz-results-writer");
        // Not a daemon: a JVM that exits normally first lets close() drain the queue.
        writer.start();
    }

    @Override
    public CompletionStage<Void> gameEnded(GameRecord game) {
        Objects.requireNonNull(game, "game");
        Pending pending = new Pending(game, new CompletableFuture<>());
        synchronized (lock) {
            if (stopped) {
                return CompletableFuture.failedFuture(new GameStoreException(
                        "results store closed: the server is shutting down"));
            }
            // Counted before the writer can take it, so that the backlog it reports includes it.
            int now = waiting.incrementAndGet();
            if (!queue.offer(pending)) {
                waiting.decrementAndGet();
                return CompletableFuture.failedFuture(new GameStoreException("results store unavailable: "
                        + Counts.of(queue.size(), "game") + " waiting to be kept"));
            }
            if (now >= capacity && !full) {
                full = true;
                health.queueFull(now, capacity);
            }
        }
        return pending.kept();
    }

    @Override
    public boolean accepting() {
        return !closing && waiting.get() < capacity;
    }

    @Override
    public int queued() {
        return waiting.get();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        long lastCommit = System.nanoTime() - spacingNanos;
        try {
            while (true) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    synchronized (lock) {
                        if (closing && queue.isEmpty()) {
                            stopped = true;
                            return;
                        }
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                gather(batch, lastCommit);
                lastCommit = System.nanoTime();
                if (batch.size() == 1 || !keepTogether(batch)) {
                    for (int i = 0; i < batch.size(); i++) {
                        keep(batch.get(i));
                        batch.set(i, null);
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            // close() gave up waiting: what is left is not kept, and nobody was shown it.
            synchronized (lock) {
                stopped = true;
            }
            List<Pending> left = new ArrayList<>();
            batch.stream().filter(Objects::nonNull).forEach(left::add);
            queue.drainTo(left);
            for (Pending pending : left) {
                pending.kept().completeExceptionally(new GameStoreException(
                        "results store unavailable until shutdown: the game was not kept"));
                waiting.decrementAndGet();
            }
            if (!left.isEmpty()) {
                LOG.error("shutdown: {} not kept; the results store was unavailable until the end of the grace period",
                        Counts.of(left.size(), "finished game"));
            }
        }
    }

    /**
     * Adds to {@code batch} the games that end until {@link #COMMIT_SPACING} has passed since the last
     * commit started, up to {@link #BATCH}; returns at once when that time is past or the server is
     * closing (a drain does not wait for games that can no longer start). The writer sleeps through the
     * rest of the spacing rather than waiting on the queue: a game handed over meanwhile then costs its
     * event loop no wake-up of this thread, and this thread no wake-up per game.
     */
    private void gather(List<Pending> batch, long lastCommit) throws InterruptedException {
        long left = lastCommit + spacingNanos - System.nanoTime();
        // In slices, so that close() is noticed within one even if the spacing were long.
        while (left > 0 && batch.size() + queue.size() < BATCH && !closing) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, GATHER_SLICE_NANOS));
            left = lastCommit + spacingNanos - System.nanoTime();
        }
        queue.drainTo(batch, BATCH - batch.size());
    }

    /**
     * Keeps a group of games in one transaction, retrying while the store fails; false when the store
     * refuses the group for good (the caller then keeps its games one by one).
     */
    private boolean keepTogether(List<Pending> group) throws InterruptedException {
        List<GameRecord> games = new ArrayList<>(group.size());
        group.forEach(pending -> games.add(pending.game()));
        try {
            retryWhileUnavailable(() -> store.saveAll(games));
        } catch (RuntimeException e) {
            LOG.debug("the results store refused a group of {}; keeping them one by one", group.size(), e);
            return false;
        }
        health.kept(waiting.get() - group.size());
        for (int i = 0; i < group.size(); i++) {
            metrics.resultsWritten();
            done();
            group.get(i).kept().complete(null);
            group.set(i, null);
        }
        return true;
    }

    /** Keeps one game, retrying while the store fails. */
    private void keep(Pending pending) throws InterruptedException {
        try {
            retryWhileUnavailable(() -> store.save(pending.game()));
        } catch (RuntimeException e) {
            // Not the database being away: retrying would block every game behind this one.
            LOG.error("the results store refused game {} for good; it is not kept: {}",
                    Long.toHexString(pending.game().gameId()), e.toString(), e);
            done();
            pending.kept().completeExceptionally(e);
            return;
        }
        health.kept(waiting.get() - 1);
        metrics.resultsWritten();
        done();
        pending.kept().complete(null);
    }

    /** A call to the store that fails with {@link GameStoreException} while the database is away. */
    @FunctionalInterface
    private interface StoreCall {
        void run() throws GameStoreException;
    }

    /**
     * Runs {@code call} until it succeeds, pausing {@code firstRetry}, doubling to {@code lastRetry},
     * after each {@link GameStoreException}; any other exception (a refusal for good) is the caller's.
     *
     * @throws InterruptedException when close() gave up waiting
     */
    private void retryWhileUnavailable(StoreCall call) throws InterruptedException {
        long pauseNanos = firstRetry.toNanos();
        boolean retry = false;
        while (true) {
            if (abandon) {
                throw new InterruptedException("abandoned");
            }
            if (retry) {
                metrics.resultsRetried();
            }
            try {
                call.run();
                return;
            } catch (GameStoreException e) {
                metrics.resultsWriteFailed();
                health.failed(e, waiting.get(), Duration.ofNanos(pauseNanos));
                TimeUnit.NANOSECONDS.sleep(pauseNanos);
                pauseNanos = Math.min(pauseNanos * 2, lastRetry.toNanos());
                retry = true;
            }
        }
    }

    private void done() {
        int left = waiting.decrementAndGet();
        if (full && left < capacity) {
            full = false;
            health.queueAccepting(left);
        }
    }

    /**
     * Stops taking games, keeps what is queued within {@code drain}, then gives up on the rest (their
     * stages fail) and closes the store. Blocks; safe to call more than once.
     */
    public void close(Duration drain) {
        synchronized (lock) {
            closing = true;
        }
        int left = waiting.get();
        if (left > 0) {
            LOG.info("keeping {} before the results store closes, waiting up to {}",
                    Counts.of(left, "finished game"), Durations.format(drain));
        }
        boolean interrupted = false;
        try {
            try {
                writer.join(Math.max(1, drain.toMillis()));
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (writer.isAlive()) {
                abandon = true;
                writer.interrupt();
                while (writer.isAlive()) {
                    try {
                        writer.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            synchronized (lock) {
                if (!storeClosed) {
                    storeClosed = true;
                    store.close();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes with a drain of 10 s. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
