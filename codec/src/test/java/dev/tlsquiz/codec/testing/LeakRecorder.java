package dev.tlsquiz.codec.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Collects the leaks reported by {@link RecordingLeakDetector}s. Netty reports a leak from
 * whichever thread next allocates a tracked object, so the recorder is thread-safe.
 */
public final class LeakRecorder {

    /** One leak as Netty described it. */
    public record Leak(String resourceType, String records) {

        /** A one-paragraph description for a test failure. */
        public String describe() {
            return "LEAK of " + resourceType + (records.isEmpty()
                    ? " (no access records; run with -Dio.netty.leakDetection.level=PARANOID)"
                    : ":" + records);
        }
    }

    private final ConcurrentLinkedQueue<Leak> leaks = new ConcurrentLinkedQueue<>();

    /** Called by the detectors; {@code records} is empty for an untraced leak. */
    void record(String resourceType, String records) {
        leaks.add(new Leak(resourceType, records));
    }

    /** Whether any leak has been recorded and not yet taken. */
    public boolean isEmpty() {
        return leaks.isEmpty();
    }

    /** Removes and returns every recorded leak. */
    public List<Leak> takeAll() {
        return take(leak -> true);
    }

    /** Removes and returns the recorded leaks that match, leaving the others in place. */
    public List<Leak> take(Predicate<Leak> filter) {
        List<Leak> taken = new ArrayList<>();
        leaks.removeIf(leak -> {
            if (filter.test(leak)) {
                taken.add(leak);
                return true;
            }
            return false;
        });
        return taken;
    }
}
