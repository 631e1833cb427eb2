package dev.tlsquiz.server.cli;

import java.net.InetSocketAddress;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the metrics and health checks are served, if anywhere: a picocli mixin. */
public final class MetricsOptions {

    @Option(names = "--metrics", paramLabel = "ADDRESS:PORT", converter = MetricsAddressConverter.class,
            description = "Serve Prometheus metrics (/metrics) and health checks (/health/live, /health/ready) over"
                    + " plain HTTP on ADDRESS:PORT, such as 127.0.0.1:9464; never the quiz port. Off unless given;"
                    + " an address other than loopback is logged as reachable by anyone.")
    private InetSocketAddress address;

    /** The address to serve metrics on, when the option was given. */
    public Optional<InetSocketAddress> toAddress() {
        return Optional.ofNullable(address);
    }
}
