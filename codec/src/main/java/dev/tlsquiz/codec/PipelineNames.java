package dev.tlsquiz.codec;

/**
 * The name of every handler in a tlsquiz pipeline, server and client alike, so that a handler can
 * be found, replaced or inspected by name. The constants are listed in pipeline order.
 */
public final class PipelineNames {

    /** Refuses connections over a limit before any TLS work (server only). */
    public static final String CONNECTION_LIMIT = "connectionLimit";
    /** TLS: {@code SslHandler}. */
    public static final String SSL = "ssl";
    /** Closes connections whose TLS handshake does not finish in time. */
    public static final String HANDSHAKE_TIMEOUT = "handshakeTimeout";
    /** Batches small writes into one TLS record. */
    public static final String FLUSH_CONSOLIDATION = "flushConsolidation";
    /** Splits the byte stream into frames, bounded by the maximum frame size. */
    public static final String FRAME_DECODER = "frameDecoder";
    /** Turns a frame into a {@link QuizMessage}. */
    public static final String MESSAGE_DECODER = "messageDecoder";
    /** Turns a {@link QuizMessage} into a frame. */
    public static final String MESSAGE_ENCODER = "messageEncoder";
    /** Detects connections on which nothing arrives. */
    public static final String IDLE = "idle";
    /** Limits the rate of incoming messages. */
    public static final String RATE_LIMIT = "rateLimit";
    /** Closes a connection whose peer stops reading what it is sent (server only). */
    public static final String SLOW_CONSUMER = "slowConsumer";
    /**
     * Server only: looks at a connection's first message and puts the session it opens in place
     * (HELLO: solo play; HOST or JOIN: a room), then leaves.
     */
    public static final String SESSION_ROUTER = "sessionRouter";
    /** The session state machine. */
    public static final String SESSION = "session";
    /** The last handler: logs and closes on any exception that got this far. */
    public static final String EXCEPTIONS = "exceptions";

    private PipelineNames() {
    }
}
