package dev.tlsquiz.server.config;

import dev.tlsquiz.codec.CodecLimits;
import java.time.Duration;

/**
 * What one client, and all of them together, may take of the server.
 *
 * @param maxConnections       the most connections open at once; more are reset before any TLS work
 *                             ({@code --max-connections})
 * @param maxConnectionsPerIp  the most connections open at once from one client address
 *                             ({@code --max-connections-per-ip}); players behind one NAT share it
 * @param maxMessagesPerSecond the messages per second one connection may send, with bursts of twice
 *                             that ({@code --max-messages-per-second})
 * @param maxFrameBytes        the largest frame accepted ({@code --max-frame-bytes})
 * @param slowConsumerTimeout  how long a connection may stay unwritable (its client not reading)
 *                             before it is closed ({@code --slow-consumer-timeout})
 */
public record Limits(int maxConnections, int maxConnectionsPerIp, int maxMessagesPerSecond, int maxFrameBytes,
                     Duration slowConsumerTimeout) {

    /** Far above what one host serves comfortably, far below what exhausts its file descriptors. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** A school or a class behind one NAT address shares it: a few hundred players must fit. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 1_000;
    /** A player sends about one message per answer; even a fast bot stays far below this. */
    public static final int DEFAULT_MAX_MESSAGES_PER_SECOND = 1000;
    public static final Duration DEFAULT_SLOW_CONSUMER_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_CONNECTIONS_LIMIT = 1_000_000;
    static final int MAX_MESSAGES_PER_SECOND_LIMIT = 10_000_000;
    /** Enough for any message this server receives; smaller limits would refuse honest clients. */
    public static final int MIN_FRAME_BYTES = 256;
    static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    public Limits {
        Checks.requireRange("--max-connections", maxConnections, 1, MAX_CONNECTIONS_LIMIT);
        Checks.requireRange("--max-connections-per-ip", maxConnectionsPerIp, 1, MAX_CONNECTIONS_LIMIT);
        Checks.requireRange("--max-messages-per-second", maxMessagesPerSecond, 1, MAX_MESSAGES_PER_SECOND_LIMIT);
        Checks.requireRange("--max-frame-bytes", maxFrameBytes, MIN_FRAME_BYTES, MAX_FRAME_BYTES);
        Checks.requirePositive("--slow-consumer-timeout", slowConsumerTimeout);
    }

    /** Safe for a class of players behind one address. */
    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_MAX_MESSAGES_PER_SECOND,
                CodecLimits.DEFAULT_MAX_FRAME_BYTES, DEFAULT_SLOW_CONSUMER_TIMEOUT);
    }

    /** The codec limits these imply. */
    public CodecLimits codecLimits() {
        return new CodecLimits(maxFrameBytes);
    }

    public Limits withMaxConnections(int value) {
        return new Limits(value, maxConnectionsPerIp, maxMessagesPerSecond, maxFrameBytes, slowConsumerTimeout);
    }

    public Limits withMaxConnectionsPerIp(int value) {
        return new Limits(maxConnections, value, maxMessagesPerSecond, maxFrameBytes, slowConsumerTimeout);
    }

    public Limits withMaxMessagesPerSecond(int value) {
        return new Limits(maxConnections, maxConnectionsPerIp, value, maxFrameBytes, slowConsumerTimeout);
    }

    public Limits withMaxFrameBytes(int value) {
        return new Limits(maxConnections, maxConnectionsPerIp, maxMessagesPerSecond, value, slowConsumerTimeout);
    }

    public Limits withSlowConsumerTimeout(Duration value) {
        return new Limits(maxConnections, maxConnectionsPerIp, maxMessagesPerSecond, maxFrameBytes, value);
    }
}
