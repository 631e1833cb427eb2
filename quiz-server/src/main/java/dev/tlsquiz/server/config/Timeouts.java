package dev.tlsquiz.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the server waits for each step of a connection, and for sessions at shutdown.
 *
 * @param handshakeTimeout the longest a TLS handshake may take ({@code --handshake-timeout})
 * @param helloTimeout     the longest the server waits for HELLO after the handshake ({@code --hello-timeout})
 * @param idleTimeout      the longest a connection may go without sending a message
 *                         ({@code --idle-timeout}); longer than the game's time limit, which
 *                         {@link dev.tlsquiz.server.ServerConfig} checks
 * @param shutdownGrace    how long sessions in progress may go on after a shutdown begins ({@code --shutdown-grace})
 */
public record Timeouts(Duration handshakeTimeout, Duration helloTimeout, Duration idleTimeout,
                       Duration shutdownGrace) {

    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HELLO_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public Timeouts {
        Checks.requirePositive("--handshake-timeout", handshakeTimeout);
        Checks.requirePositive("--hello-timeout", helloTimeout);
        Checks.requirePositive("--idle-timeout", idleTimeout);
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Checks.require(!shutdownGrace.isNegative(), "--shutdown-grace: must not be negative");
    }

    /** Ten seconds for the handshake, for HELLO and at shutdown; a minute of silence. */
    public static Timeouts defaults() {
        return new Timeouts(DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_HELLO_TIMEOUT, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_SHUTDOWN_GRACE);
    }

    public Timeouts withHandshakeTimeout(Duration value) {
        return new Timeouts(value, helloTimeout, idleTimeout, shutdownGrace);
    }

    public Timeouts withHelloTimeout(Duration value) {
        return new Timeouts(handshakeTimeout, value, idleTimeout, shutdownGrace);
    }

    public Timeouts withIdleTimeout(Duration value) {
        return new Timeouts(handshakeTimeout, helloTimeout, value, shutdownGrace);
    }

    public Timeouts withShutdownGrace(Duration value) {
        return new Timeouts(handshakeTimeout, helloTimeout, idleTimeout, value);
    }
}
