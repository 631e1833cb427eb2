package dev.tlsquiz.client.session;

import dev.tlsquiz.codec.QuizMessage;

/**
 * Everything the play loop waits for, from the network and from the player, in one queue: the
 * Netty handler and the line-reader thread only enqueue, and the main thread alone acts, so
 * neither an event loop nor the terminal ever waits on the other.
 */
public sealed interface ClientEvent {

    /** A message from the server. */
    record MessageReceived(QuizMessage message) implements ClientEvent {
    }

    /** The connection closed (by either side). */
    record ConnectionClosed() implements ClientEvent {
    }

    /** The connection failed: an I/O error, a TLS error, or garbage from the server. */
    record ConnectionFailed(Throwable cause) implements ClientEvent {
    }

    /** The server stopped sending anything for longer than the client waits. */
    record ServerSilent(long silentMillis) implements ClientEvent {
    }

    /** One line of input, without its line end. */
    record LineRead(String line) implements ClientEvent {
    }

    /** The input has no more lines (end of file, or it could not be read). */
    record InputEnded(String reason) implements ClientEvent {
    }

    /** The person pressed Ctrl-C: end the session politely, as {@code quit} does. */
    record Interrupted() implements ClientEvent {
    }
}
