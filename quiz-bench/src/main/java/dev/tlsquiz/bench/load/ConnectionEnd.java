package dev.tlsquiz.bench.load;

/**
 * How one bench connection ended, counted once: an orderly end counts nothing, and only the first
 * failure (an error, or the peer closing first) is counted. Confined to the channel's event loop.
 */
final class ConnectionEnd {

    private final ErrorCounts errors;
    private boolean ended;

    ConnectionEnd(ErrorCounts errors) {
        this.errors = errors;
    }

    /** The connection ended as it should; nothing after this is counted. */
    void finished() {
        ended = true;
    }

    /** The peer closed the connection before it ended. */
    void closedByPeer() {
        failed("closed_by_peer");
    }

    void failed(String kind) {
        if (!ended) {
            ended = true;
            errors.count(kind);
        }
    }

    void failed(Throwable cause) {
        if (!ended) {
            ended = true;
            errors.count(cause);
        }
    }
}
