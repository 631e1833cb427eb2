package dev.tlsquiz.client.net;

/**
 * The client's timers on an open connection.
 *
 * @param heartbeatMillis    send a PING after writing nothing for this long; well under the
 *                           server's 60 s reader-idle timeout so a slow player stays connected
 * @param serverSilentMillis give up on a server that sent nothing (not even a PONG) for this long
 */
public record ClientTimeouts(long heartbeatMillis, long serverSilentMillis) {

    /** 15 s heartbeat; 60 s of silence (four unanswered heartbeats) means the server is gone. */
    public static final ClientTimeouts DEFAULT = new ClientTimeouts(15_000, 60_000);

    public ClientTimeouts {
        if (heartbeatMillis <= 0 || serverSilentMillis <= heartbeatMillis) {
            throw new IllegalArgumentException("heartbeatMillis: " + heartbeatMillis
                    + ", serverSilentMillis: " + serverSilentMillis
                    + " (expected: 0 < heartbeatMillis < serverSilentMillis)");
        }
    }
}
