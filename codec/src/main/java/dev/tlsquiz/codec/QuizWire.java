package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;

/**
 * The frame layout shared by the encoder, the decoders and tools that build frames by hand:
 *
 * <pre>
 * +----------------+---------+---------------------+
 * | length (u32 BE)| type u8 | payload             |
 * +----------------+---------+---------------------+
 *   4 bytes          |&lt;-------- length bytes ------&gt;|
 * </pre>
 *
 * {@code length} counts the type byte and the payload, so it is at least 1; the receiver rejects
 * a length above its {@link CodecLimits#maxFrameBytes()} from the header alone.
 */
public final class QuizWire {

    /** Bytes of the length prefix. */
    public static final int LENGTH_FIELD_BYTES = 4;

    /** Bytes of the type field that follows the length. */
    public static final int TYPE_FIELD_BYTES = 1;

    private QuizWire() {
    }

    /**
     * The number of bytes {@code message} takes on the wire in {@link NegotiatedVersion#DEFAULT
     * version 1}, including the 4-byte length prefix and the type byte: exactly what
     * {@link #writeFrame(QuizMessage, ByteBuf)} writes.
     */
    public static int encodedSize(QuizMessage message) {
        return encodedSize(message, NegotiatedVersion.DEFAULT);
    }

    /**
     * The number of bytes {@code message} takes on the wire in protocol {@code version}, including
     * the 4-byte length prefix and the type byte: exactly what
     * {@link #writeFrame(QuizMessage, ByteBuf, int)} writes.
     */
    public static int encodedSize(QuizMessage message, int version) {
        return LENGTH_FIELD_BYTES + TYPE_FIELD_BYTES + message.type().codec().encodedSize(message, version);
    }

    /**
     * Appends the whole frame for {@code message} (length, type byte and payload) in
     * {@link NegotiatedVersion#DEFAULT version 1} to {@code out}.
     */
    public static void writeFrame(QuizMessage message, ByteBuf out) {
        writeFrame(message, out, NegotiatedVersion.DEFAULT);
    }

    /**
     * Appends the whole frame for {@code message} (length, type byte and payload) in protocol
     * {@code version} to {@code out}. Unpaired surrogates in strings are sent as {@code '?'}, as
     * UTF-8 cannot carry them.
     */
    public static void writeFrame(QuizMessage message, ByteBuf out, int version) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0); // patched below, once the payload's size is known
        out.writeByte(message.type().code());
        message.type().codec().write(message, new FieldWriter(out), version);
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - LENGTH_FIELD_BYTES);
    }
}
