package dev.tlsquiz.server.metrics;

import java.util.Optional;

/** Whether the server wants new players now, for {@code /health/ready}. Asked on the metrics listener's thread: must not block. */
@FunctionalInterface
public interface Readiness {

    /** Empty when ready; otherwise why not, in a few words a person reading a probe's output understands. */
    Optional<String> notReadyBecause();
}
