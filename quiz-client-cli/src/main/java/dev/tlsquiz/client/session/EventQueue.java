package dev.tlsquiz.client.session;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The play loop's one queue of {@link ClientEvent}s, bounded so that a server flooding a client
 * whose output is stuck (a terminal on hold, a pipe nobody reads) cannot fill its memory.
 *
 * <p>The two producers are bounded differently, because only one of them may wait. An event loop
 * never blocks: {@link #offer} always takes the event, and answers {@code false} once the queue is
 * full, so that the connection stops reading from the server (Netty's autoRead off); the queue runs
 * the {@code resume} callback it was given when the play loop has taken it down to half its capacity.
 * What arrives between the answer and the pause (the rest of one read) is bounded by that read. The
 * input reader's thread may wait, so {@link #put} waits while the queue is full.
 */
public final class EventQueue {

    /** The events a play loop may fall behind by before the server is no longer read from. */
    public static final int DEFAULT_CAPACITY = 256;

    private final int capacity;
    private final ArrayDeque<ClientEvent> events = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private Runnable resume;

    public EventQueue(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 2)");
        }
        this.capacity = capacity;
    }

    /** A queue of {@link #DEFAULT_CAPACITY}. */
    public EventQueue() {
        this(DEFAULT_CAPACITY);
    }

    /** How many events it holds before {@link #offer} answers {@code false}. */
    public int capacity() {
        return capacity;
    }

    /**
     * Adds an event from an event loop, never waiting.
     *
     * @param resume run (on the play loop's thread, so it must only hand work to the event loop) once
     *               the queue has room again, when this call answers {@code false}; it replaces any
     *               earlier one not yet run
     * @return whether the producer may go on reading; {@code false}: the queue is full
     */
    public boolean offer(ClientEvent event, Runnable resume) {
        lock.lock();
        try {
            events.addLast(event);
            notEmpty.signal();
            if (events.size() < capacity) {
                return true;
            }
            this.resume = resume;
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Adds an event from a thread that may wait (the input reader), once the queue has room. */
    public void put(ClientEvent event) {
        lock.lock();
        try {
            while (events.size() >= capacity) {
                notFull.awaitUninterruptibly();
            }
            events.addLast(event);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds an event that must not wait and cannot flood, past the capacity if need be: a line the
     * play loop asked the line editor for, or a Ctrl-C. Unlike {@link #offer} it leaves the reading
     * of the server (and its {@code resume} callback) alone.
     */
    public void add(ClientEvent event) {
        lock.lock();
        try {
            events.addLast(event);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next event, waiting as long as it takes. */
    public ClientEvent take() throws InterruptedException {
        return poll(Long.MAX_VALUE);
    }

    /**
     * The next event, or {@code null} when none came within {@code timeoutNanos}; an event already
     * queued is returned even when the timeout is zero.
     */
    public ClientEvent poll(long timeoutNanos) throws InterruptedException {
        Runnable toRun = null;
        ClientEvent event;
        lock.lockInterruptibly();
        try {
            long left = timeoutNanos;
            while (events.isEmpty()) {
                if (left <= 0) {
                    return null;
                }
                left = notEmpty.awaitNanos(left);
            }
            event = events.removeFirst();
            notFull.signal();
            if (resume != null && events.size() <= capacity / 2) {
                toRun = resume;
                resume = null;
            }
        } finally {
            lock.unlock();
        }
        if (toRun != null) {
            toRun.run();
        }
        return event;
    }

    /** How many events wait, for tests and diagnostics. */
    public int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }
}
