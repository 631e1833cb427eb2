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
 * <p>Confined to the play loop's thread. Times are {@link System#nanoTime()} values.
 */
final class ProgressDeadline {

    private final ClientTimeouts timeouts;
    private long deadlineNanos;
    private String awaited = "a message";
    private String allowance;

    ProgressDeadline(ClientTimeouts timeouts) {
        this.timeouts = timeouts;
        expectReply("a message", System.nanoTime());
    }

    /** The server owes {@code what} within the silence limit from {@code now}. */
    void expectReply(String what, long now) {
        set(what, now + millis(timeouts.serverSilentMillis()),
                "within " + Failures.millis(timeouts.serverSilentMillis()));
    }

    /**
     * As {@link #expectReply}, unless what is already owed is due sooner: an open problem's verdict,
     * which a BYE or an ANSWER only makes more urgent.
     */
    void expectReplySooner(String what, long now) {
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
        return deadlineNanos - now;
    }

    /** The failure that ends the session when the deadline passed; {@code when} says where in the session. */
    ClientFailure missed(String when) {
        return Failures.serverStalled(awaited, allowance, when);
    }

    private void set(String what, long deadline, String allowance) {
        this.awaited = what;
        this.deadlineNanos = deadline;
        this.allowance = allowance;
    }

    private static long millis(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
