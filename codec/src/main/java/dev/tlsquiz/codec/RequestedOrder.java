package dev.tlsquiz.codec;

/** The order a host asks a room's bank questions in. */
public enum RequestedOrder implements WireCode {
    /** Whatever the server is configured with. */
    SERVER_DEFAULT(0),
    /** The order of the file. */
    IN_ORDER(1),
    /** Shuffled (reproducibly, when HOST carries a seed). */
    SHUFFLED(2);

    private final int code;

    RequestedOrder(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** @throws QuizProtocolException with {@code FIELD_OUT_OF_RANGE} for a code no order owns */
    public static RequestedOrder fromCode(int code) {
        return WireCode.fromCode(values(), "order", code);
    }
}
