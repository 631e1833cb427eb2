package dev.tlsquiz.server.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server hands finished games to its results store (the store itself, where and which, is
 * opened apart: {@code --database}, {@code --data-dir}).
 *
 * @param queueCapacity  games that may wait to be kept before new games are refused with
 *                       {@code SERVER_BUSY} ({@code --results-queue}); games already running when it
 *                       fills still get a place
 * @param storeAddresses whether players' addresses are kept with their results ({@code --store-addresses});
 *                       off by default, for the players' privacy
 * @param instance       the name this server's games are kept under, as several servers may share one
 *                       store ({@code --instance}); empty for the host name and port
 * @param summaryWait    how long a finished game's SUMMARY waits for the store to keep the game; past it
 *                       the player gets ERROR SERVER_BUSY instead (the game stays queued and is kept later)
 */
public record ResultsKeeping(int queueCapacity, boolean storeAddresses, Optional<String> instance,
                             Duration summaryWait) {

    public static final int DEFAULT_QUEUE_CAPACITY = 1000;
    public static final int MAX_QUEUE_CAPACITY = 1_000_000;
    public static final Duration DEFAULT_SUMMARY_WAIT = Duration.ofSeconds(10);
    /** Instance names are printed by the results commands and kept in a column: short and plain. */
    public static final int MAX_INSTANCE_CHARS = 64;

    public ResultsKeeping {
        Checks.requireRange("--results-queue", queueCapacity, 1, MAX_QUEUE_CAPACITY);
        Objects.requireNonNull(instance, "instance");
        instance.ifPresent(name -> Checks.require(name.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,"
                        + (MAX_INSTANCE_CHARS - 1) + "}"),
                "--instance: '" + name.replaceAll("\\p{Cntrl}", "?") + "' (expected: 1-" + MAX_INSTANCE_CHARS
                        + " letters, digits and . _ : -, starting with a letter or digit, such as quiz-1)"));
        Checks.requirePositive("summary wait", summaryWait);
    }

    /** A queue of 1000 games, no addresses, the host name and port as instance, a 10 s summary wait. */
    public static ResultsKeeping defaults() {
        return new ResultsKeeping(DEFAULT_QUEUE_CAPACITY, false, Optional.empty(), DEFAULT_SUMMARY_WAIT);
    }

    public ResultsKeeping withQueueCapacity(int value) {
        return new ResultsKeeping(value, storeAddresses, instance, summaryWait);
    }

    public ResultsKeeping withStoreAddresses(boolean value) {
        return new ResultsKeeping(queueCapacity, value, instance, summaryWait);
    }

    public ResultsKeeping withInstance(String value) {
        return new ResultsKeeping(queueCapacity, storeAddresses, Optional.of(value), summaryWait);
    }

    public ResultsKeeping withSummaryWait(Duration value) {
        return new ResultsKeeping(queueCapacity, storeAddresses, instance, value);
    }
}
