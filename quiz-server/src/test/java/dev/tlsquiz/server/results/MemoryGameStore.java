package dev.tlsquiz.server.results;

import dev.tlsquiz.server.services.GameRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second {@link GameStore}, in memory, for the writer's and the sessions' tests: it keeps games by
 * id and instance as a database would (idempotent), and can be made to fail (as an unreachable
 * database does) or to hang (as a database that does not answer does) until told otherwise. Not a
 * mock of a database: the database stores have their own tests against real databases.
 */
public final class MemoryGameStore implements GameStore {

    private record Key(String instance, long gameId) {
    }

    private final Map<Key, GameRecord> games = new LinkedHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<Integer> groups = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile boolean closed;

    /** Every save fails with a GameStoreException until {@link #up()}. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /** Every save blocks until {@link #release()}. */
    public void hang() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    @Override
    public void save(GameRecord game) throws GameStoreException {
        attempts.incrementAndGet();
        awaitGate();
        if (down) {
            throw new GameStoreException("connection refused (memory store down)");
        }
        synchronized (games) {
            games.putIfAbsent(new Key(game.instance(), game.gameId()), game);
        }
    }

    /** A group in one "transaction": all kept, or none when the store is down. */
    @Override
    public void saveAll(List<GameRecord> group) throws GameStoreException {
        attempts.incrementAndGet();
        awaitGate();
        if (down) {
            throw new GameStoreException("connection refused (memory store down)");
        }
        synchronized (games) {
            group.forEach(game -> games.putIfAbsent(new Key(game.instance(), game.gameId()), game));
        }
        groups.add(group.size());
    }

    /** The size of every group kept with saveAll, in order. */
    public List<Integer> groups() {
        return List.copyOf(groups);
    }

    /** The games kept, in the order they were first kept. */
    public List<GameRecord> games() {
        synchronized (games) {
            return new ArrayList<>(games.values());
        }
    }

    private void awaitGate() throws GameStoreException {
        try {
            // Bounded, so that a test that forgets to release cannot hang the build.
            if (!gate.await(5, TimeUnit.MINUTES)) {
                throw new GameStoreException("memory store: held for 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GameStoreException("memory store: interrupted", e);
        }
    }

    /** Calls of save and saveAll, failed ones included. */
    public int attempts() {
        return attempts.get();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        release();
    }
}
