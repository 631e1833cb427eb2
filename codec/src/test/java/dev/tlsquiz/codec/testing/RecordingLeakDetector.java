package dev.tlsquiz.codec.testing;

import io.netty.util.ResourceLeakDetector;

/**
 * A Netty leak detector that hands every leak to a {@link LeakRecorder} instead of only logging
 * it, so that a test can fail on it.
 *
 * @param <T> the tracked resource type
 */
final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    private final LeakRecorder recorder;

    RecordingLeakDetector(Class<?> resourceType, int samplingInterval, LeakRecorder recorder) {
        super(resourceType, samplingInterval);
        this.recorder = recorder;
    }

    @Override
    protected boolean needReport() {
        // The default asks whether ERROR logging is on; a leak must fail the test regardless.
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        recorder.record(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        recorder.record(resourceType, "");
    }
}
