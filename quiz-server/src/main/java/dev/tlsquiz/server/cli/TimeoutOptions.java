package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.server.config.Timeouts;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The handshake, HELLO and idle timeouts and the shutdown grace: a picocli mixin for {@link Timeouts}. */
public final class TimeoutOptions {

    @Option(names = "--handshake-timeout", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Longest a TLS handshake may take (default: ${DEFAULT-VALUE}).")
    private Duration handshakeTimeout;

    @Option(names = "--hello-timeout", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Longest wait for HELLO after the handshake (default: ${DEFAULT-VALUE}).")
    private Duration helloTimeout;

    @Option(names = "--idle-timeout", defaultValue = "60s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Close a connection that sends nothing this long; above --time-limit (default: ${DEFAULT-VALUE}).")
    private Duration idleTimeout;

    @Option(names = "--shutdown-grace", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "On SIGTERM/SIGINT, how long sessions in progress may finish (default: ${DEFAULT-VALUE}).")
    private Duration shutdownGrace;

    /**
     * The timeouts.
     *
     * @throws IllegalArgumentException naming the option whose value is not acceptable
     */
    public Timeouts toTimeouts() {
        return new Timeouts(handshakeTimeout, helloTimeout, idleTimeout, shutdownGrace);
    }
}
