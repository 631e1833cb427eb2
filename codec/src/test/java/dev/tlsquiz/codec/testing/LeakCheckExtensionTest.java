package dev.tlsquiz.codec.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that the leak check sees leaks, without failing the build: each test leaks on purpose,
 * then takes its own leak out of the recorder before the extension's after-class check runs.
 */
class LeakCheckExtensionTest {

    @Test
    void extension_whenAutoDetected_thenItsFactoryMakesTheByteBufDetector() {
        ResourceLeakDetector<?> detector =
                ResourceLeakDetectorFactory.instance().newResourceLeakDetector(LeakCheckExtensionTest.class);

        assertInstanceOf(RecordingLeakDetectorFactory.class, ResourceLeakDetectorFactory.instance());
        assertInstanceOf(RecordingLeakDetector.class, detector);
        assertTrue(((RecordingLeakDetectorFactory) ResourceLeakDetectorFactory.instance()).created(ByteBuf.class),
                "the ByteBuf detector was created by another factory");
    }

    @Test
    void detector_whenTrackedObjectIsCollectedUnclosed_thenRecordsTheLeakWithItsHint() {
        LeakRecorder recorder = new LeakRecorder();
        ResourceLeakDetector<Object> detector = new RecordingLeakDetector<>(Leaky.class, 1, recorder);
        String hint = "deliberate leak " + UUID.randomUUID();
        leak(detector, hint);

        assertTrue(collectUntilReported(detector, recorder), "the leak was never reported");

        List<LeakRecorder.Leak> leaks = recorder.takeAll();
        assertEquals(1, leaks.size());
        assertEquals("LeakCheckExtensionTest$Leaky", leaks.get(0).resourceType());
        if (ResourceLeakDetector.getLevel().ordinal() >= ResourceLeakDetector.Level.ADVANCED.ordinal()) {
            assertTrue(leaks.get(0).records().contains(hint), leaks.get(0).describe());
        }
    }

    @Test
    void detector_whenTrackedObjectIsClosed_thenRecordsNothing() {
        LeakRecorder recorder = new LeakRecorder();
        ResourceLeakDetector<Object> detector = new RecordingLeakDetector<>(Leaky.class, 1, recorder);
        closeProperly(detector);
        String hint = "control leak " + UUID.randomUUID();
        leak(detector, hint);

        assertTrue(collectUntilReported(detector, recorder), "the control leak was never reported");

        List<LeakRecorder.Leak> leaks = recorder.takeAll();
        assertEquals(1, leaks.size(), "only the control leak");
    }

    @Test
    void collectLeaks_whenByteBufIsLeaked_thenTheGlobalRecorderHasIt() {
        String hint = "leaked buffer " + UUID.randomUUID();
        leakBuffer(hint);

        assertTrue(LeakCheckExtension.collectLeaks(), "the GC canary was never reported");

        List<LeakRecorder.Leak> leaks =
                LeakCheckExtension.recorder().take(leak -> leak.records().contains(hint));
        assertEquals(1, leaks.size(), "the leaked buffer, touched with its hint");
        assertEquals("ByteBuf", leaks.get(0).resourceType());
        assertFalse(LeakCheckExtension.recorder().take(leak -> leak.records().contains(hint)).iterator().hasNext());
    }

    @Test
    void recorder_whenTaking_thenRemovesOnlyTheMatches() {
        LeakRecorder recorder = new LeakRecorder();
        recorder.record("A", "one");
        recorder.record("B", "");

        List<LeakRecorder.Leak> taken = recorder.take(leak -> leak.resourceType().equals("A"));

        assertEquals(List.of(new LeakRecorder.Leak("A", "one")), taken);
        assertFalse(recorder.isEmpty());
        assertTrue(recorder.takeAll().get(0).describe().contains("PARANOID"));
        assertTrue(recorder.isEmpty());
    }

    @Test
    void recorder_isShared() {
        assertSame(LeakCheckExtension.recorder(), LeakCheckExtension.recorder());
        assertNotNull(LeakCheckExtension.recorder());
    }

    private static boolean collectUntilReported(ResourceLeakDetector<Object> detector, LeakRecorder recorder) {
        for (int round = 0; round < 20 && recorder.isEmpty(); round++) {
            LeakCheckExtension.collectLeaks();
            Object probe = new Object();
            detector.track(probe).close(probe);
        }
        return !recorder.isEmpty();
    }

    private static void leak(ResourceLeakDetector<Object> detector, String hint) {
        detector.track(new Leaky()).record(hint);
    }

    private static void closeProperly(ResourceLeakDetector<Object> detector) {
        Leaky leaky = new Leaky();
        detector.track(leaky).close(leaky);
    }

    private static void leakBuffer(String hint) {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(8);
        buffer.touch(hint).writeLong(1);
    }

    private static final class Leaky {
    }
}
