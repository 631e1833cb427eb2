package dev.tlsquiz.server.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void tryTake_whenBurstSpent_thenRefusesUntilTokensFlowBackIn() {
        long now = 123;
        TokenBucket bucket = new TokenBucket(10, 20, now);
        for (int i = 0; i < 20; i++) {
            assertTrue(bucket.tryTake(now), "burst message " + i);
        }
        assertFalse(bucket.tryTake(now));
        now += TimeUnit.MILLISECONDS.toNanos(100);
        assertTrue(bucket.tryTake(now), "one token after 100 ms at 10/s");
        assertFalse(bucket.tryTake(now));
    }

    @Test
    void tryTake_whenSteadyAtTheRate_thenNeverRefuses() {
        long now = 0;
        TokenBucket bucket = new TokenBucket(10, 20, now);
        for (int i = 0; i < 1000; i++) {
            now += TimeUnit.MILLISECONDS.toNanos(100);
            assertTrue(bucket.tryTake(now), "message " + i);
        }
    }

    @Test
    void tryTake_whenIdleForLong_thenHoldsNoMoreThanTheBurst() {
        long now = 0;
        TokenBucket bucket = new TokenBucket(10, 20, now);
        now += TimeUnit.HOURS.toNanos(1);
        for (int i = 0; i < 20; i++) {
            assertTrue(bucket.tryTake(now));
        }
        assertFalse(bucket.tryTake(now));
    }
}
