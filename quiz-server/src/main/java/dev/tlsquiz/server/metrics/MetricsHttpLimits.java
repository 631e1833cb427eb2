package dev.tlsquiz.server.metrics;

import java.time.Duration;

/**
 * The bounds of the metrics listener, which serves three tiny GET requests and nothing else: a
 * request that does not fit them is answered with a status that says which bound it broke.
 *
 * @param maxConnections  connections open at once; one more is answered 503 and closed
 * @param requestTimeout  from connect to a complete request: a client trickling its request (slowloris)
 *                        is answered 408 and closed when it runs out, however steadily it trickles
 * @param maxInitialLineBytes the request line ({@code GET /metrics HTTP/1.1}); longer is 414
 * @param maxHeaderBytes  all header lines together; more is 431
 * @param maxBodyBytes    a request body (a GET has none); more is 413
 */
public record MetricsHttpLimits(int maxConnections, Duration requestTimeout, int maxInitialLineBytes,
                                int maxHeaderBytes, int maxBodyBytes) {

    /** Enough for a few scrapers and probes at once, and nothing a scraper would ever exceed. */
    public static final MetricsHttpLimits DEFAULTS = new MetricsHttpLimits(16, Duration.ofSeconds(10), 1024, 8192, 1024);

    public MetricsHttpLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections: " + maxConnections + " (expected: >= 1)");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout: " + requestTimeout + " (expected: positive)");
        }
        if (maxInitialLineBytes < 64 || maxHeaderBytes < 256 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("request limits too small: line " + maxInitialLineBytes + ", headers "
                    + maxHeaderBytes + ", body " + maxBodyBytes + " (expected: >= 64, >= 256, >= 0)");
        }
    }

    /** These limits with another connection cap. */
    public MetricsHttpLimits withMaxConnections(int value) {
        return new MetricsHttpLimits(value, requestTimeout, maxInitialLineBytes, maxHeaderBytes, maxBodyBytes);
    }

    /** These limits with another request timeout. */
    public MetricsHttpLimits withRequestTimeout(Duration value) {
        return new MetricsHttpLimits(maxConnections, value, maxInitialLineBytes, maxHeaderBytes, maxBodyBytes);
    }
}
