package dev.tlsquiz.bench.load;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Decides when one connection slot sends its next request, with one request in flight at most:
 * at once in closed loop; at the {@link OpenLoopSchedule}'s intended times in open loop, once the
 * schedule has begun (after every connection is up, so that opening them is not counted as lateness). It
 * belongs to the slot, not to a connection, so the schedule runs on across reconnects and the time
 * a reconnect took shows in the latency of the requests that were due meanwhile.
 *
 * <p>Used only from the event loop of the slot's current connection.
 */
final class Pacer {

    /** Sends one request; returns nothing, the response comes back through {@link #responded}. */
    interface Sender {
        void send(ChannelHandlerContext ctx);
    }

    private final Supplier<OpenLoopSchedule> schedule;
    private final boolean openLoop;
    private final int connection;
    private final Meter meter;
    private boolean ready;
    private boolean everReady;
    private Runnable firstReady = () -> { };
    private boolean inFlight;
    private long sent;
    private long inFlightIntendedNanos;
    private ScheduledFuture<?> timer;

    /** How often a slot checks whether the open-loop schedule has begun. */
    private static final long NOT_STARTED_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /**
     * @param openLoop   whether requests follow a schedule (else: back to back)
     * @param schedule   the open-loop schedule, {@code null} until every connection is up
     * @param connection this slot's index in the schedule
     * @param meter      where round-trip latencies go
     */
    Pacer(boolean openLoop, Supplier<OpenLoopSchedule> schedule, int connection, Meter meter) {
        this.openLoop = openLoop;
        this.schedule = schedule;
        this.connection = connection;
        this.meter = meter;
    }

    /** The peer can take the next request now (a PROBLEM is open, or the echo came back). */
    void ready(ChannelHandlerContext ctx, Sender sender) {
        if (!everReady) {
            everReady = true;
            firstReady.run();
        }
        ready = true;
        pump(ctx, sender);
    }

    /** Runs {@code action} the first time this slot can send (its first connection is up). */
    void onFirstReady(Runnable action) {
        this.firstReady = action;
    }

    /** The response to the request in flight arrived: records its latency. */
    void responded() {
        if (inFlight) {
            inFlight = false;
            meter.record(System.nanoTime() - inFlightIntendedNanos);
        }
    }

    /** The connection is gone: forget it (the schedule and the count of requests sent stay). */
    void detach() {
        ready = false;
        inFlight = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void pump(ChannelHandlerContext ctx, Sender sender) {
        if (!ready || inFlight || !ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        long intended;
        OpenLoopSchedule plan = openLoop ? schedule.get() : null;
        if (!openLoop) {
            intended = now;
        } else if (plan != null && sent < plan.dueBy(connection, now)) {
            intended = plan.intendedNanos(connection, sent);
        } else {
            if (timer == null) {
                // Not begun yet (connections still opening): look again shortly.
                long delay = plan == null ? NOT_STARTED_POLL_NANOS : plan.intendedNanos(connection, sent) - now;
                timer = ctx.executor().schedule(() -> {
                    timer = null;
                    pump(ctx, sender);
                }, delay, TimeUnit.NANOSECONDS);
            }
            return;
        }
        sent++;
        ready = false;
        inFlight = true;
        inFlightIntendedNanos = intended;
        sender.send(ctx);
    }
}
