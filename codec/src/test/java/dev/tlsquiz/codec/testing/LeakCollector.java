package dev.tlsquiz.codec.testing;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakTracker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes Netty notice leaks now rather than at some later allocation. Netty finds a leak when a
 * tracked object has been garbage-collected without being released, and only reports it the next
 * time the same detector tracks something. So this runs a GC and then allocates, until a canary
 * (an object tracked by a private detector and dropped on purpose) has been reported: the canary
 * shows that the GC ran and its references were processed, and the allocation after it makes the
 * buffer detectors report whatever that GC found.
 */
final class LeakCollector {

    private static final int MAX_GC_ROUNDS = 10;
    private static final long ROUND_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private LeakCollector() {
    }

    /**
     * Collects garbage and drains Netty's leak queues, within a few seconds at most.
     *
     * @return whether the canary was seen, that is whether the collection is known to be complete
     */
    static boolean collect() {
        if (ResourceLeakDetector.getLevel() == ResourceLeakDetector.Level.DISABLED) {
            return false;
        }
        LeakRecorder canaryRecorder = new LeakRecorder();
        // Sampling interval 1: tracked at every level, so the canary is never skipped.
        ResourceLeakDetector<Object> canaryDetector =
                new RecordingLeakDetector<>(Canary.class, 1, canaryRecorder);
        dropCanary(canaryDetector);
        for (int round = 0; round < MAX_GC_ROUNDS; round++) {
            System.gc();
            long deadline = System.nanoTime() + ROUND_WAIT_NANOS;
            do {
                pollDetector(canaryDetector);
                if (!canaryRecorder.isEmpty()) {
                    allocateBuffers();
                    return true;
                }
                LockSupport.parkNanos(POLL_NANOS);
            } while (System.nanoTime() - deadline < 0);
        }
        allocateBuffers();
        return false;
    }

    /** Tracks an object and forgets it without closing the tracker: a deliberate leak. */
    private static void dropCanary(ResourceLeakDetector<Object> detector) {
        detector.track(new Canary());
    }

    /** Tracking makes a detector report what its queue holds; the tracker is closed at once. */
    private static void pollDetector(ResourceLeakDetector<Object> detector) {
        Object probe = new Object();
        ResourceLeakTracker<Object> tracker = detector.track(probe);
        if (tracker != null) {
            tracker.close(probe);
        }
    }

    /** Every buffer allocation goes through the shared ByteBuf detector, which then reports. */
    private static void allocateBuffers() {
        for (int i = 0; i < 4; i++) {
            ByteBufAllocator.DEFAULT.buffer(1).release();
            ByteBufAllocator.DEFAULT.directBuffer(1).release();
            UnpooledByteBufAllocator.DEFAULT.heapBuffer(1).release();
        }
    }

    private static final class Canary {
    }
}
