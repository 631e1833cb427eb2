package dev.tlsquiz.client.room;

import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.client.ServerTimeoutLimit;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --server-timeout} of the room commands, {@code quiz host} and {@code quiz join}. In a room the
 * server may stay silent for a whole question but for heartbeats, so the help speaks of those rather than
 * of a verdict's lateness as {@code quiz play}'s does.
 */
public final class RoomServerTimeoutOption {

    @Option(names = "--server-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Give up on a server that sends nothing, not even a heartbeat's answer, for this long"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration serverTimeout;

    /** The timeout asked for. */
    public Duration duration() {
        return serverTimeout;
    }

    /** A usage message, or {@code null} when the timeout is fine. */
    public String validate() {
        return ServerTimeoutLimit.problem(serverTimeout);
    }
}
