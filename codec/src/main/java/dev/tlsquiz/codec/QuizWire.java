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
     * The number of bytes {@code message} takes on the wire, including the 4-byte length prefix
     * and the type byte: exactly what {@link #writeFrame} writes.
     */
    public static int encodedSize(QuizMessage message) {
        FieldCounter counter = new FieldCounter();
        MessageBodies.write(message, counter);
        return LENGTH_FIELD_BYTES + TYPE_FIELD_BYTES + counter.bytes();
    }

    /**
     * Appends the whole frame for {@code message} (length, type byte and payload) to {@code out}.
     * Unpaired surrogates in strings are sent as {@code '?'}, as UTF-8 cannot carry them.
     */
    public static void writeFrame(QuizMessage message, ByteBuf out) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0); // patched below, once the payload's size is known
        out.writeByte(message.type().code());
        MessageBodies.write(message, new FieldWriter(out));
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - LENGTH_FIELD_BYTES);
    }
}
