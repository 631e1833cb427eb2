package dev.tlsquiz.client.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting on a condition with a timeout, for tests that watch other processes: the one poll loop they share. */
public final class Conditions {

    private Conditions() {
    }

    /** Polls {@code condition} every 50 ms until it holds, failing after {@code timeout} with {@code what}. */
    public static void await(Supplier<String> what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for: " + what.get());
            }
            // A bounded poll interval, not a sleep standing in for a condition.
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
