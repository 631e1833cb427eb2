package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one frame's payload, checking before every read that the bytes are there,
 * so that a short frame becomes {@link ErrorCode#TRUNCATED} rather than an
 * {@code IndexOutOfBoundsException}. Strings are decoded strictly: malformed UTF-8, overlong
 * forms and encoded surrogates are {@link ErrorCode#INVALID_UTF8}, never replaced.
 *
 * <p>Error messages name the field as {@code TYPE.field} so that a peer's log says exactly
 * which byte was wrong.
 */
final class FieldReader {

    private final ByteBuf in;
    private final MessageType type;
    /**
     * @param in   the payload, positioned after the type byte
     * @param type the frame's type, for error messages
     */
    FieldReader(ByteBuf in, MessageType type) {
        this.in = in;
        this.type = type;
    }

    int u8(String field) {
        require(field, 1);
        return in.readUnsignedByte();
    }

    int u16(String field) {
        require(field, 2);
        return in.readUnsignedShort();
    }

    long u32(String field) {
        require(field, 4);
        return in.readUnsignedInt();
    }

    long u64(String field) {
        require(field, 8);
        return in.readLong();
    }

    /** A u64 that must fit a Java {@code long} without its sign bit, such as a duration. */
    long u63(String field) {
        long value = u64(field);
        if (value < 0) {
            throw new QuizProtocolException(ErrorCode.FIELD_OUT_OF_RANGE, name(field) + ": "
                    + Long.toUnsignedString(value) + " (expected: <= " + Long.MAX_VALUE + ")");
        }
        return value;
    }

    String string(String field) {
        if (in.readableBytes() < 2) {
            require(field + ".length", 2);
        }
        int length = in.readUnsignedShort();
        require(field, length);
        int index = in.readerIndex();
        String value;
        if (ByteBufUtil.isText(in, index, length, StandardCharsets.US_ASCII)) {
            // Nearly every string on the wire (answers, problems, names) is ASCII, which is UTF-8 as
            // it stands: no decoder, no NIO view, no char buffer per message.
            value = in.toString(index, length, StandardCharsets.US_ASCII);
        } else {
            try {
                // A decoder of its own: rare enough not to keep one per channel, and decoders are not thread-safe.
                value = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(in.nioBuffer(index, length)).toString();
            } catch (CharacterCodingException e) {
                throw new QuizProtocolException(ErrorCode.INVALID_UTF8, name(field) + ": " + length
                        + " bytes that are not well-formed UTF-8 (" + e.getMessage() + ")");
            }
        }
        in.skipBytes(length);
        return value;
    }

    /** The error for {@code field}, read whole, holding a value its message does not allow. */
    QuizProtocolException outOfRange(String field, String valueAndExpectation) {
        return new QuizProtocolException(ErrorCode.FIELD_OUT_OF_RANGE, name(field) + ": " + valueAndExpectation);
    }

    /** Fails unless every byte of the payload has been read. */
    void end() {
        int left = in.readableBytes();
        if (left != 0) {
            throw new QuizProtocolException(ErrorCode.TRAILING_BYTES,
                    type + ": " + left + " bytes after the last field (expected: 0)");
        }
    }

    private void require(String field, int bytes) {
        int left = in.readableBytes();
        if (left < bytes) {
            throw new QuizProtocolException(ErrorCode.TRUNCATED,
                    name(field) + ": " + left + " bytes left (expected: >= " + bytes + ")");
        }
    }

    private String name(String field) {
        return type + "." + field;
    }
}
