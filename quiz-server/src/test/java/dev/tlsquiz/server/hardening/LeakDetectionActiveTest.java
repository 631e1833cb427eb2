package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.testing.LeakCheckExtension;
import dev.tlsquiz.codec.testing.LeakRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves that this module's tests run under the leak check: Netty's detector at PARANOID, and
 * the auto-registered {@link LeakCheckExtension} recording what it reports. A buffer leaked on
 * purpose must show up (and is then taken out, so that this test itself passes).
 */
class LeakDetectionActiveTest {

    @Test
    void leakCheck_whenABufferIsLeaked_thenTheExtensionSeesIt() {
        assertEquals(ResourceLeakDetector.Level.PARANOID, ResourceLeakDetector.getLevel(),
                "tests must run with -Dio.netty.leakDetection.level=PARANOID (root pom argLine)");
        String hint = "deliberate leak " + UUID.randomUUID();
        leak(hint);

        assertTrue(LeakCheckExtension.collectLeaks(), "the GC canary was never reported");
        List<LeakRecorder.Leak> leaks = LeakCheckExtension.recorder().take(leak -> leak.records().contains(hint));
        assertEquals(1, leaks.size(), "the deliberately leaked buffer");
    }

    private static void leak(String hint) {
        ByteBuf buffer = UnpooledByteBufAllocator.DEFAULT.buffer(16);
        buffer.touch(hint);
        // Dropped without release(): a leak, on purpose.
    }
}
