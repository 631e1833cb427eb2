package dev.tlsquiz.server.services;

/**
 * Which of the server's limits refused a connection or cut one off: a fixed set, so that a metric
 * labelled by it stays small.
 */
public enum LimitHit {
    /** Refused at connect: the server holds {@code --max-connections}. */
    MAX_CONNECTIONS,
    /** Refused at connect: the client's address (IPv6: its /64) holds {@code --max-connections-per-ip}. */
    MAX_CONNECTIONS_PER_IP,
    /** Cut off: the client sent more than {@code --max-messages-per-second} (ERROR RATE_LIMITED). */
    MESSAGE_RATE,
    /** Cut off: the client stopped reading for longer than {@code --slow-consumer-timeout}. */
    SLOW_CONSUMER
}
