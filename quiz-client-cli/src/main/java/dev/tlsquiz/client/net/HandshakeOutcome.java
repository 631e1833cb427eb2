package dev.tlsquiz.client.net;

import dev.tlsquiz.tls.HandshakeFailure;
import dev.tlsquiz.tls.UnknownServerKeyException;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * How a connection's TLS handshake ended: the connection, ready for the session, or why it failed. The
 * play and host sessions wait for it the same way and differ only in what they do with an unknown server
 * key (a player may be asked to trust it; a host never is).
 *
 * @param connection the connection when the handshake succeeded, else {@code null} (it is closed)
 * @param cause      why it failed, else {@code null}
 */
public record HandshakeOutcome(ClientConnection connection, Throwable cause) {

    /**
     * Waits for {@code candidate}'s handshake. On success the connection is released to its session; on
     * failure it is detached from the session's events and closed.
     */
    public static HandshakeOutcome await(ClientConnection candidate, Duration connectTimeout) {
        Future<Channel> handshake = candidate.handshakeFuture();
        // SslHandler's own handshake timeout fails the future; the margin is only a backstop.
        handshake.awaitUninterruptibly(connectTimeout.toMillis() + 5_000);
        if (handshake.isSuccess()) {
            candidate.release();
            return new HandshakeOutcome(candidate, null);
        }
        candidate.detach();
        candidate.close();
        return new HandshakeOutcome(null, handshake.cause() != null ? handshake.cause()
                : new SSLException("TLS handshake did not finish in time"));
    }

    /** Whether the handshake succeeded. */
    public boolean succeeded() {
        return connection != null;
    }

    /** The server's key that no trust source knows, when that is why the handshake failed. */
    public Optional<UnknownServerKeyException> unknownServerKey(String host, int port) {
        return HandshakeFailure.classify(cause, host, port).unknownServerKey();
    }
}
