package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.server.config.Limits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Frame size, connection counts, message rate and slow readers: a picocli mixin for {@link Limits}. */
public final class LimitOptions {

    @Option(names = "--max-frame-bytes", defaultValue = "16384", paramLabel = "BYTES",
            description = "Largest frame accepted (default: ${DEFAULT-VALUE}).")
    private int maxFrameBytes;

    @Option(names = "--max-connections", defaultValue = "10000", paramLabel = "N",
            description = "Most connections open at once; more are reset before any TLS work (default: ${DEFAULT-VALUE}).")
    private int maxConnections;

    @Option(names = "--max-connections-per-ip", defaultValue = "1000", paramLabel = "N",
            description = "Most connections open at once from one client address (an IPv6 /64 counts as one);"
                    + " players behind one NAT share it (default: ${DEFAULT-VALUE}).")
    private int maxConnectionsPerIp;

    @Option(names = "--max-messages-per-second", defaultValue = "1000", paramLabel = "N",
            description = "Messages per second one connection may send, bursts up to twice that; a flood gets"
                    + " ERROR RATE_LIMITED (default: ${DEFAULT-VALUE}).")
    private int maxMessagesPerSecond;

    @Option(names = "--slow-consumer-timeout", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Close a connection whose client reads nothing of what is sent for this long"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration slowConsumerTimeout;

    /**
     * The limits.
     *
     * @throws IllegalArgumentException naming the option whose value is not acceptable
     */
    public Limits toLimits() {
        return new Limits(maxConnections, maxConnectionsPerIp, maxMessagesPerSecond, maxFrameBytes,
                slowConsumerTimeout);
    }
}
