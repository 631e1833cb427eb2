package dev.tlsquiz.client.net;

import java.time.Duration;

/**
 * The client's timers on an open connection. Every wait for the server is bounded by one of them:
 * silence by {@code serverSilentMillis}, a reply to something we sent by the same, and the verdict on
 * an open problem by the problem's own time limit plus {@code verdictGraceMillis}.
 *
 * @param heartbeatMillis    send a PING after writing nothing for this long; well under the
 *                           server's 60 s reader-idle timeout so a slow player stays connected, and
 *                           under {@code serverSilentMillis} so that a live server's PONG always comes
 *                           in time
 * @param serverSilentMillis give up on a server that sent no complete message (not even a PONG) for
 *                           this long, or that took this long to answer a HELLO, ANSWER or BYE, or to
 *                           follow a verdict with the next problem or the summary
 * @param verdictGraceMillis how late after an open problem's time limit its verdict may come, for the
 *                           network and a busy server
 */
public record ClientTimeouts(long heartbeatMillis, long serverSilentMillis, long verdictGraceMillis) {

    /** The heartbeat unless a short server timeout needs a faster one. */
    static final long DEFAULT_HEARTBEAT_MILLIS = 15_000;

    /** The verdict grace unless a short server timeout asks for less. */
    static final long DEFAULT_VERDICT_GRACE_MILLIS = 10_000;

    public ClientTimeouts {
        if (heartbeatMillis <= 0 || serverSilentMillis <= heartbeatMillis || verdictGraceMillis <= 0) {
            throw new IllegalArgumentException("heartbeatMillis: " + heartbeatMillis
                    + ", serverSilentMillis: " + serverSilentMillis + ", verdictGraceMillis: " + verdictGraceMillis
                    + " (expected: 0 < heartbeatMillis < serverSilentMillis, 0 < verdictGraceMillis)");
        }
    }

    /** The given heartbeat and silence limit, with the default grace (at most the silence limit). */
    public ClientTimeouts(long heartbeatMillis, long serverSilentMillis) {
        this(heartbeatMillis, serverSilentMillis, Math.min(DEFAULT_VERDICT_GRACE_MILLIS, serverSilentMillis));
    }

    /**
     * The timers for {@code --server-timeout}: that silence limit, a heartbeat of a quarter of it (at
     * most 15 s) so a live server always answers in time, and a verdict grace of 10 s, or the limit if
     * that is shorter: a user who calls a server dead after 2 s of silence means a verdict 2 s late too.
     * The default, 60 s, gives a 15 s heartbeat (four unanswered heartbeats mean the server is gone).
     */
    public static ClientTimeouts forServerTimeout(Duration serverTimeout) {
        long silent = serverTimeout.toMillis();
        return new ClientTimeouts(Math.max(1, Math.min(DEFAULT_HEARTBEAT_MILLIS, silent / 4)), silent,
                Math.min(DEFAULT_VERDICT_GRACE_MILLIS, silent));
    }
}
