package dev.tlsquiz.codec.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Fails a test, or its class, when Netty's leak detector reports a {@code ByteBuf} (or any other
 * tracked resource) that was garbage-collected without being released.
 *
 * <p>It installs a {@link ResourceLeakDetectorFactory} whose detectors record leaks instead of
 * only logging them. After each test it fails that test if a leak has been reported meanwhile;
 * after each class it forces a GC, makes the detectors report (see {@link LeakCollector}) and
 * fails the class if any leak turned up. Leaks are found when the leaked object is collected, so
 * a leak may be blamed on a later test of the same class, or on the class after.
 *
 * <p>It registers itself in every module whose tests have the codec test-jar on the class path,
 * through {@code META-INF/services/org.junit.jupiter.api.extension.Extension} and
 * {@code junit.jupiter.extensions.autodetection.enabled=true} in {@code junit-platform.properties}.
 * Run tests with {@code -Dio.netty.leakDetection.level=PARANOID} (the root pom does) so that every
 * buffer is tracked and the report says where it was last touched.
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final LeakRecorder RECORDER = new LeakRecorder();
    private static final RecordingLeakDetectorFactory FACTORY = new RecordingLeakDetectorFactory(RECORDER);

    static {
        // Static, and therefore before any test code runs: Netty creates the ByteBuf detector
        // once, when the first buffer is allocated, and asks the factory installed at that moment.
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(FACTORY);
    }

    /** The recorder every detector reports to; tests of the leak check take their own leaks from it. */
    public static LeakRecorder recorder() {
        return RECORDER;
    }

    /**
     * Runs a GC and makes the detectors report now.
     *
     * @return whether the collection is known to be complete (false when leak detection is off)
     */
    public static boolean collectLeaks() {
        return LeakCollector.collect();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Creating a buffer initialises the ByteBuf detector if nothing has yet.
        Unpooled.buffer(1).release();
        if (!FACTORY.created(ByteBuf.class)) {
            throw new AssertionError("Netty's ByteBuf leak detector was created before "
                    + LeakCheckExtension.class.getSimpleName() + " was installed, so leaks cannot be "
                    + "detected; make sure the extension is auto-detected (junit-platform.properties) "
                    + "and that nothing allocates a ByteBuf before the first test class");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failOnLeaks("during or before " + context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        collectLeaks();
        failOnLeaks("while running " + context.getDisplayName());
    }

    private static void failOnLeaks(String when) {
        List<LeakRecorder.Leak> leaks = RECORDER.takeAll();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty resource leak(s) detected " + when
                    + "; release every buffer you own:\n" + leaks.stream()
                    .map(LeakRecorder.Leak::describe)
                    .collect(Collectors.joining("\n\n")));
        }
    }
}
