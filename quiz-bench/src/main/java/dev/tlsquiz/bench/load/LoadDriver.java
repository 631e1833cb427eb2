package dev.tlsquiz.bench.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The connections of one scenario: opens them, keeps them busy until told to stop, and records into
 * its {@link Meter}s. Everything it does after {@link #start()} runs on the event loops; the bench's
 * main thread only starts, reads gauges and stops it.
 */
abstract class LoadDriver {

    protected final BenchClient client;
    protected final BenchSettings settings;
    protected final ErrorCounts errors;
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    LoadDriver(BenchClient client, BenchSettings settings, ErrorCounts errors) {
        this.client = client;
        this.settings = settings;
        this.errors = errors;
    }

    /** Opens the first connections and returns at once. */
    abstract void start();

    /** Every meter, in the order the result lists them. */
    abstract List<Meter> meters();

    /** Levels for the result, read at the end of the run before {@link #stop}. */
    Map<String, Long> gauges() {
        return Map.of();
    }

    /**
     * Completes when the load is fully established (every connection up; the idle scenario: every
     * session opened or failed); the warm-up starts then.
     */
    CompletableFuture<Void> ready() {
        return CompletableFuture.completedFuture(null);
    }

    /** Called once the load is established (or waiting for it timed out), before the warm-up. */
    void begin() {
    }

    /** A few words on the connections for the progress line. */
    String progressDetail() {
        return open.size() + " open";
    }

    boolean running() {
        return running;
    }

    /** Counts {@code channel} as open until it closes. */
    protected void track(Channel channel) {
        open.add(channel);
        channel.closeFuture().addListener(f -> open.remove(channel));
        if (!running) {
            channel.close();
        }
    }

    /**
     * Keeps a slot busy: tracks its connection, counts a failed connect, and runs {@code reconnect}
     * once the connection closes, at once when it had been up, after {@code retryMillis} when it
     * never was (so that a dead server is not hammered).
     */
    protected void keepSlot(ChannelFuture connected, long retryMillis, Runnable reconnect) {
        track(connected.channel());
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                errors.count(f.cause());
            }
        });
        connected.channel().closeFuture().addListener(f -> {
            long delay = connected.isSuccess() ? 0 : retryMillis;
            connected.channel().eventLoop().schedule(reconnect, delay, TimeUnit.MILLISECONDS);
        });
    }

    /** Stops opening connections and sending, closes every connection and waits up to {@code timeout}. */
    void stop(Duration timeout) {
        running = false;
        for (Channel channel : open) {
            channel.close();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Channel channel : List.copyOf(open)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !channel.closeFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                break;
            }
        }
    }
}
