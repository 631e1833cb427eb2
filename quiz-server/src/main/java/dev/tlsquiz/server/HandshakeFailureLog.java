package dev.tlsquiz.server;

import dev.tlsquiz.server.limits.RateLimitedLog;
import dev.tlsquiz.tls.ServerHandshakeFailure;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs failed TLS handshakes the way the connection limits log their refusals: at most one line per
 * kind ({@link ServerHandshakeFailure.Kind}) per 10 seconds, with the number left out since, so that a
 * flood of scanners or plain-HTTP clients cannot flood the log. Each line says in plain words what
 * happened ({@code 203.0.113.7:50122: TLS handshake failed: revoked client certificate: CN=ada serial
 * 1f3a (revoked 2025-03-01T09:12:00Z)}) and never carries the peer's bytes.
 *
 * <p>A client that closes during the handshake is ordinary (a port scanner, a client that gave up) and is
 * logged at DEBUG only. One instance serves every connection of a server; it is thread-safe.
 */
final class HandshakeFailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeFailureLog.class);

    /** Filled once, never changed: reading it from every event loop needs no lock. */
    private final Map<ServerHandshakeFailure.Kind, RateLimitedLog> perKind =
            new EnumMap<>(ServerHandshakeFailure.Kind.class);

    /** Lines at INFO, one per kind per {@link RateLimitedLog#DEFAULT_INTERVAL}. */
    HandshakeFailureLog() {
        this(line -> LOG.info("{}", line), RateLimitedLog.DEFAULT_INTERVAL, System::nanoTime);
    }

    /** For tests: lines to {@code sink}, with their own interval and clock. */
    HandshakeFailureLog(Consumer<String> sink, Duration interval, LongSupplier nanoClock) {
        for (ServerHandshakeFailure.Kind kind : ServerHandshakeFailure.Kind.values()) {
            perKind.put(kind, new RateLimitedLog(sink, interval, nanoClock));
        }
    }

    /**
     * Records one failed handshake.
     *
     * @param remote the client's address
     * @param cause  the failure of the server's handshake
     * @return the failure as classified, for the metrics
     */
    ServerHandshakeFailure failed(SocketAddress remote, Throwable cause) {
        ServerHandshakeFailure failure = ServerHandshakeFailure.classify(cause);
        String client = remote == null ? "(unknown)" : remote.toString().replaceFirst("^/", "");
        if (failure.kind() == ServerHandshakeFailure.Kind.CLOSED) {
            LOG.debug("{}: closed before the TLS handshake completed", client);
            return failure;
        }
        perKind.get(failure.kind()).event(client + ": TLS handshake failed: " + failure.description());
        return failure;
    }
}
