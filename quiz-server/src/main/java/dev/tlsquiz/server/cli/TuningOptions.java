package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.TransportConverter;
import dev.tlsquiz.tls.Transport;
import dev.tlsquiz.server.ServerTuning;
import picocli.CommandLine.Option;

/** The fast paths: a picocli mixin for {@link ServerTuning}. */
public final class TuningOptions {

    @Option(names = "--transport", defaultValue = "auto", paramLabel = "KIND",
            converter = TransportConverter.class, completionCandidates = TransportConverter.class,
            description = "I/O transport: ${COMPLETION-CANDIDATES}; auto is native epoll where it loads, NIO"
                    + " elsewhere (default: ${DEFAULT-VALUE}).")
    private Transport transport;

    @Option(names = "--flush-consolidation", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Send the messages written while handling one read in one TLS record and one write"
                    + "; --no-flush-consolidation flushes every message on its own (default: on).")
    private boolean flushConsolidation;

    @Option(names = "--allocator", defaultValue = "adaptive", paramLabel = "KIND",
            converter = AllocatorConverter.class, completionCandidates = AllocatorConverter.class,
            description = "Buffer allocator: ${COMPLETION-CANDIDATES}; adaptive is Netty 4.2's (default: ${DEFAULT-VALUE}).")
    private ServerTuning.Allocator allocator;

    @Option(names = "--event-loop-threads", defaultValue = "0", paramLabel = "N",
            description = "Event-loop threads serving connections; 0 = one per CPU (default: ${DEFAULT-VALUE}).")
    private int eventLoopThreads;

    @Option(names = "--tcp-nodelay", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Send each flush at once (TCP_NODELAY) instead of letting Nagle's algorithm hold small"
                    + " segments back for an acknowledgement (default: on).")
    private boolean tcpNoDelay;

    /**
     * The fast paths, checked to be available here.
     *
     * @throws IllegalArgumentException naming the option whose value is not acceptable or available
     */
    public ServerTuning toTuning() {
        ServerTuning tuning = new ServerTuning(transport, flushConsolidation, allocator, eventLoopThreads, tcpNoDelay);
        tuning.transport().resolve();
        return tuning;
    }
}
