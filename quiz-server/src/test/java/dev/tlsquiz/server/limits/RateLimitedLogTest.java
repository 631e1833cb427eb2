package dev.tlsquiz.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

    private final AtomicLong clock = new AtomicLong(-5_000_000_000L);
    private final List<String> lines = new ArrayList<>();
    private final RateLimitedLog log = new RateLimitedLog(lines::add, Duration.ofSeconds(10), clock::get);

    @Test
    void event_whenFlooding_thenOneLinePerIntervalWithTheCountLeftOut() {
        assertTrue(log.event("refused 1"));
        for (int i = 0; i < 1000; i++) {
            assertFalse(log.event("refused more"));
            clock.addAndGet(1_000_000);
        }
        assertEquals(1000, log.suppressed());
        // 1 s of events so far; 9 more seconds until the next line.
        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertTrue(log.event("refused last"));
        assertEquals(List.of("refused 1",
                "refused last (and 1000 more like it since the previous line, not logged)"), lines);
        assertEquals(0, log.suppressed());
    }

    @Test
    void event_whenQuiet_thenEveryEventIsLogged() {
        for (int i = 0; i < 3; i++) {
            assertTrue(log.event("event " + i));
            clock.addAndGet(Duration.ofSeconds(11).toNanos());
        }
        assertEquals(List.of("event 0", "event 1", "event 2"), lines);
    }
}
