package dev.tlsquiz.codec;

/**
 * An enum carried on the wire as a {@code u8}: each constant owns its byte, and {@link #fromCode}
 * turns a received byte back into a constant or the receiver's {@code FIELD_OUT_OF_RANGE}.
 */
interface WireCode {

    /** The byte on the wire. */
    int code();

    /**
     * The constant of {@code values} whose code is {@code code}.
     *
     * @throws QuizProtocolException with {@link ErrorCode#FIELD_OUT_OF_RANGE}, naming {@code field}
     *                               and the codes expected, for any other code
     */
    static <E extends Enum<E> & WireCode> E fromCode(E[] values, String field, int code) {
        StringBuilder expected = new StringBuilder();
        for (E value : values) {
            if (value.code() == code) {
                return value;
            }
            expected.append(expected.length() == 0 ? "" : ", ").append(value.code()).append(' ').append(value);
        }
        throw new QuizProtocolException(ErrorCode.FIELD_OUT_OF_RANGE,
                field + ": " + code + " (expected: one of " + expected + ")");
    }
}
