package dev.tlsquiz.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    private static ClientEvent line(int i) {
        return new ClientEvent.LineRead(Integer.toString(i));
    }

    @Test
    void offer_whenFull_thenTakesTheEventAnswersStopAndResumesOnceTakenDownToHalf() throws Exception {
        EventQueue queue = new EventQueue(4);
        AtomicInteger resumed = new AtomicInteger();

        assertTrue(queue.offer(line(1), resumed::incrementAndGet));
        assertTrue(queue.offer(line(2), resumed::incrementAndGet));
        assertTrue(queue.offer(line(3), resumed::incrementAndGet));
        assertFalse(queue.offer(line(4), resumed::incrementAndGet));
        // What arrives after the answer (the rest of one read) is still taken: an event loop never waits.
        assertFalse(queue.offer(line(5), resumed::incrementAndGet));
        assertEquals(5, queue.size());

        assertEquals(line(1), queue.poll(0));
        assertEquals(line(2), queue.poll(0));
        assertEquals(0, resumed.get(), "three left of four: not yet half");
        assertEquals(line(3), queue.poll(0));
        assertEquals(1, resumed.get(), "two left: half, so reading resumes, once");
        assertEquals(line(4), queue.poll(0));
        assertEquals(line(5), queue.poll(0));
        assertEquals(1, resumed.get());
        assertNull(queue.poll(TimeUnit.MILLISECONDS.toNanos(10)));
    }

    @Test
    void add_whenFullAndTheServerPaused_thenTakesTheEventAndKeepsTheServersResume() throws Exception {
        EventQueue queue = new EventQueue(2);
        AtomicInteger resumed = new AtomicInteger();
        assertTrue(queue.offer(line(1), resumed::incrementAndGet));
        assertFalse(queue.offer(line(2), resumed::incrementAndGet));

        // A line the player typed goes in at once, past the capacity, without waiting for room.
        queue.add(line(3));
        assertEquals(3, queue.size());

        assertEquals(line(1), queue.take());
        assertEquals(line(2), queue.take());
        // The server's reading resumes as it would have without the line.
        assertEquals(1, resumed.get());
        assertEquals(line(3), queue.take());
    }

    @Test
    void put_whenFull_thenWaitsForRoom() throws Exception {
        EventQueue queue = new EventQueue(2);
        queue.put(line(1));
        queue.put(line(2));
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> queue.put(line(3)));

        assertFalse(completesWithin200Millis(third), "put must wait while the queue is full");
        assertEquals(line(1), queue.poll(0));
        third.get(10, TimeUnit.SECONDS);
        assertEquals(line(2), queue.take());
        assertEquals(line(3), queue.take());
    }

    /** Whether {@code future} completes within 200 ms. */
    private static boolean completesWithin200Millis(CompletableFuture<Void> future) {
        try {
            future.get(200, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
