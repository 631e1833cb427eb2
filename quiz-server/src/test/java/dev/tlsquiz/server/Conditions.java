package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting on a condition with a timeout, for the server's tests: the one poll loop they share. */
public final class Conditions {

    private Conditions() {
    }

    /** Polls {@code condition} every 20 ms until it holds, failing after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        await(() -> what, timeout, condition);
    }

    /** As {@link #await(String, Duration, BooleanSupplier)}, describing the wait only if it fails. */
    public static void await(Supplier<String> what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for: " + what.get());
            }
            // A bounded poll interval, not a sleep standing in for a condition.
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
