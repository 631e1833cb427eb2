package dev.tlsquiz.codec;

/**
 * Where a {@link BodyCodec} puts a message's fields, one call per field in wire order.
 * One implementation writes the bytes ({@link FieldWriter}), the other only counts them
 * ({@link FieldCounter}); because both are driven by the same code, a message's
 * {@linkplain QuizWire#encodedSize encoded size} cannot disagree with the bytes written.
 */
interface FieldSink {

    /** An unsigned byte. */
    void u8(int value);

    /** An unsigned 16-bit integer, big-endian. */
    void u16(int value);

    /** An unsigned 32-bit integer, big-endian. */
    void u32(long value);

    /** 64 bits, big-endian; the message decides whether the top bit is allowed. */
    void u64(long value);

    /** A string: u16 length in bytes, then that many bytes of UTF-8. */
    void string(String value);
}
