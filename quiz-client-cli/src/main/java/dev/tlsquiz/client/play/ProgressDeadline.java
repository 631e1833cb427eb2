package dev.tlsquiz.client.play;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.Failures;
import dev.tlsquiz.client.net.ClientTimeouts;
import dev.tlsquiz.codec.Problem;
import java.util.concurrent.TimeUnit;

/**
 * When the server must next make progress in the session, and what that progress is. PINGs and PONGs
 * keep a connection alive but are not progress, so a server that answers heartbeats and never judges,
 * or trickles a frame, still meets a bound: a reply to what we sent (WELCOME to HELLO, VERDICT to
 * ANSWER, SUMMARY to BYE) and the next problem after a verdict are due within the silence limit; the
 * verdict on an open problem is due by its time limit plus a grace, as the server's own timer judges it.
 *
 * <p>In a room the server follows the room's clock, not the player: the lobby lasts until the host
 * starts, and the next question comes when the host goes on. There only the verdict on an open problem
 * (due at its close, which is at the latest its time limit) and the reply to a BYE are due; the rest of
 * the time the heartbeat and the silence limit tell a live server from a dead one.
 *
 * <p>Confined to the play loop's thread. Times are {@link System#nanoTime()} values.
 */
final class ProgressDeadline {

    private final ClientTimeouts timeouts;
    private final boolean room;
    private long deadlineNanos;
    /** Nothing is due (a room between questions). */
    private boolean none;
    private String awaited = "a message";
    private String allowance;

    ProgressDeadline(ClientTimeouts timeouts) {
        this(timeouts, false);
    }

    /** @param room whether the session is a seat in a room, where the server replies on the room's clock */
    ProgressDeadline(ClientTimeouts timeouts, boolean room) {
        this.timeouts = timeouts;
        this.room = room;
        expectReply("a message", System.nanoTime());
    }

    /** The server owes {@code what} within the silence limit from {@code now} (in a room: nothing is due). */
    void expectReply(String what, long now) {
        if (room) {
            none = true;
            return;
        }
        due(what, now);
    }

    private void due(String what, long now) {
        set(what, now + millis(timeouts.serverSilentMillis()),
                "within " + Failures.millis(timeouts.serverSilentMillis()));
    }

    /**
     * As {@link #expectReply}, unless what is already owed is due sooner: an open problem's verdict,
     * which a BYE or an ANSWER only makes more urgent. In a room the reply is due only when nothing else
     * is (an ANSWER's verdict waits for the question's close; a BYE in the lobby gets its SUMMARY at once).
     */
    void expectReplySooner(String what, long now) {
        if (room) {
            if (none) {
                due(what, now);
            }
            return;
        }
        if (now + millis(timeouts.serverSilentMillis()) - deadlineNanos < 0) {
            expectReply(what, now);
        }
    }

    /** {@code problem} just opened: its verdict is due by its time limit plus the grace. */
    void expectVerdict(Problem problem, long now) {
        long allowedMillis = Math.addExact(problem.timeLimitMillis(), timeouts.verdictGraceMillis());
        set("verdict on problem " + problem.round() + "/" + problem.rounds(), now + millis(allowedMillis),
                "within its time limit of " + Failures.millis(problem.timeLimitMillis()) + " plus "
                        + Failures.millis(timeouts.verdictGraceMillis()));
    }

    /** How long the play loop may still wait, in nanoseconds; zero or less once the deadline passed. */
    long remainingNanos(long now) {
        return none ? Long.MAX_VALUE : deadlineNanos - now;
    }

    /** The failure that ends the session when the deadline passed; {@code when} says where in the session. */
    ClientFailure missed(String when) {
        return Failures.serverStalled(awaited, allowance, when);
    }

    private void set(String what, long deadline, String allowance) {
        this.none = false;
        this.awaited = what;
        this.deadlineNanos = deadline;
        this.allowance = allowance;
    }

    private static long millis(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
