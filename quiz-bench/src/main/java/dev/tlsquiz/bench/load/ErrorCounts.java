package dev.tlsquiz.bench.load;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import dev.tlsquiz.codec.QuizProtocolException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLException;

/** Failures of a run, counted by kind; safe from any thread. */
final class ErrorCounts {

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one failure of {@code kind} (lower case, underscores). */
    void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Counts {@code cause} under the kind {@link #kindOf} gives it. */
    void count(Throwable cause) {
        count(kindOf(cause));
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The counts now, by kind, sorted. */
    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((k, v) -> snapshot.put(k, v.sum()));
        return snapshot;
    }

    /** A short stable name for what went wrong, for the error table. */
    static String kindOf(Throwable cause) {
        Throwable t = cause;
        if (t instanceof DecoderException && !(t instanceof QuizProtocolException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof QuizProtocolException) {
            return "protocol_" + ((QuizProtocolException) t).errorCode().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (t instanceof ConnectTimeoutException) {
            return "connect_timeout";
        }
        if (t instanceof SslHandshakeTimeoutException) {
            return "tls_handshake_timeout";
        }
        if (t instanceof SSLException) {
            return "tls_failed";
        }
        if (t instanceof BindException) {
            return "no_source_port";
        }
        if (t instanceof ConnectException) {
            return "connect_refused";
        }
        if (t instanceof ClosedChannelException) {
            return "closed";
        }
        String message = String.valueOf(t.getMessage());
        if (message.contains("Too many open files")) {
            return "too_many_open_files";
        }
        if (message.contains("Cannot assign requested address")) {
            return "no_source_port";
        }
        if (t instanceof IOException) {
            return "io_error";
        }
        return "internal_" + t.getClass().getSimpleName();
    }
}
