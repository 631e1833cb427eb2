package dev.tlsquiz.codec.testing;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes every Netty leak detector a {@link RecordingLeakDetector} that reports to one
 * {@link LeakRecorder}. Netty asks the factory once per resource type, when that type's class is
 * initialised (for {@code ByteBuf}, when the first buffer is created), so the factory must be
 * installed before that; {@link #created(Class)} tells whether it was.
 */
final class RecordingLeakDetectorFactory extends ResourceLeakDetectorFactory {

    private final LeakRecorder recorder;
    private final Set<Class<?>> createdFor = ConcurrentHashMap.newKeySet();

    RecordingLeakDetectorFactory(LeakRecorder recorder) {
        this.recorder = recorder;
    }

    /** Whether this factory made the detector for {@code resourceType}. */
    boolean created(Class<?> resourceType) {
        return createdFor.contains(resourceType);
    }

    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
        createdFor.add(resource);
        return new RecordingLeakDetector<>(resource, samplingInterval, recorder);
    }

    @Override
    @SuppressWarnings("deprecation") // the abstract variant still has to be implemented
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                               long maxActive) {
        return newResourceLeakDetector(resource, samplingInterval);
    }
}
