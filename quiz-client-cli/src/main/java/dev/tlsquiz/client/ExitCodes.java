package dev.tlsquiz.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of {@code quiz}, one constant each, so that scripts can tell a lost game from a
 * broken connection. They are listed in every command's {@code --help} through
 * {@link #helpList()}.
 */
public final class ExitCodes {

    /** The session completed, whatever the score (also after BYE when the SUMMARY arrived). */
    public static final int OK = 0;
    /** An unexpected internal error (a bug in the client), or stdout could not be written. */
    public static final int INTERNAL_ERROR = 1;
    /** The command line was wrong, or a file it names (--answers, --cafile, --cert, --key) does not exist. */
    public static final int USAGE = 2;
    /** Could not connect: refused, unreachable, unknown host or connect timeout. */
    public static final int CONNECT_FAILED = 3;
    /** The TLS handshake or the trust decision failed (including a refused unknown server). */
    public static final int TLS_FAILED = 4;
    /** A protocol error, or the server ended the session abnormally. */
    public static final int PROTOCOL_ERROR = 5;
    /** {@code quiz join}: no open room has that code (or its game is over). */
    public static final int ROOM_NOT_FOUND = 6;
    /** {@code quiz join}: the host removed this player, who cannot come back. */
    public static final int KICKED = 7;
    /**
     * {@code quiz join} or {@code quiz host}: the room (or server) refused: the name is taken, the game
     * takes no late joiners, the room is full, too many join attempts, hosting not allowed, too many rooms.
     */
    public static final int ROOM_REFUSED = 8;

    private ExitCodes() {
    }

    /** The list shown under "Exit codes:" in {@code --help}: code to description, in order. */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        list.put(Integer.toString(OK), "the session completed (whatever the score)");
        list.put(Integer.toString(INTERNAL_ERROR), "unexpected internal error, or stdout could not be written");
        list.put(Integer.toString(USAGE), "usage error (bad command line, or a file it names does not exist)");
        list.put(Integer.toString(CONNECT_FAILED),
                "could not connect (refused, unreachable, unknown host, timeout)");
        list.put(Integer.toString(TLS_FAILED), "TLS or trust failure (untrusted or changed server key,"
                + " refused unknown server, pin mismatch, client certificate rejected)");
        list.put(Integer.toString(PROTOCOL_ERROR),
                "protocol error, or the server ended the session abnormally");
        list.put(Integer.toString(ROOM_NOT_FOUND), "join: no open room has that code (or its game is over)");
        list.put(Integer.toString(KICKED), "join: the host removed you from the room");
        list.put(Integer.toString(ROOM_REFUSED), "join or host: refused (name taken, no late joiners, room full,"
                + " too many attempts, hosting not allowed, too many rooms)");
        return list;
    }
}
