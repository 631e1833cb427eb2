package dev.tlsquiz.server.services;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.MessageType;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.tls.ServerHandshakeFailure;

/**
 * Counters of the server's games. Called on event loops, from many at once: an implementation
 * must be thread-safe and must not block. Every method has an empty default, so a driver can report
 * an event before an implementation counts it.
 *
 * <p>The per-message hooks ({@link #messageReceived}, {@link #messageSent}) run for every message:
 * an implementation keeps them to an increment of a counter it resolved in advance.
 */
public interface ServerMetrics {

    /** A connection was admitted by the connection limits (its TLS handshake begins). */
    default void connectionOpened() {
    }

    /** An admitted connection closed, for whatever reason. */
    default void connectionClosed() {
    }

    /** A limit refused a connection (at connect) or cut one off (later). */
    default void limitHit(LimitHit limit) {
    }

    /** A TLS handshake completed. */
    default void handshakeCompleted(Resumption resumption) {
    }

    /** A TLS handshake failed, for the reason the server's handshake log gives it. */
    default void handshakeFailed(ServerHandshakeFailure.Kind reason) {
    }

    /** A whole message arrived from a client (before the rate limiter judges it). */
    default void messageReceived(MessageType type) {
    }

    /** A message was written to a client ({@link #errorSent} too for an ERROR). */
    default void messageSent(MessageType type) {
    }

    /** The server sent an ERROR with a code it knows. */
    default void errorSent(ErrorCode code) {
    }

    /** A started session ended ({@link #sessionStarted} was called for it first). */
    default void sessionEnded(SessionEnd how) {
    }

    /** A player answered (right or wrong, not timed out) {@code nanos} after the problem was sent. */
    default void answered(long nanos) {
    }

    /** A player was welcomed and a game began. */
    default void sessionStarted() {
    }

    /** A problem was judged. */
    default void judged(Judgement judgement) {
    }

    /** A room was opened by a host. */
    default void roomOpened() {
    }

    /** A room was closed (its game over, ended by the host, or left without host). */
    default void roomClosed() {
    }

    /** Players joined (positive) or left (negative) a room. */
    default void roomPlayersChanged(int delta) {
    }

    /**
     * A room's question reached its players: the time from the host's command (or the previous
     * question's close) to the last player's write completing.
     */
    default void roomFanOut(long nanos) {
    }

    /** The results store kept a game. */
    default void resultsWritten() {
    }

    /** A write to the results store failed; it will be retried. */
    default void resultsWriteFailed() {
    }

    /** A game's write to the results store was retried. */
    default void resultsRetried() {
    }

    /** Counts nothing: the server's default, which exports no metrics. */
    static ServerMetrics none() {
        return new ServerMetrics() { };
    }
}
