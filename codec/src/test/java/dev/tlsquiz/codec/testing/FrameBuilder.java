package dev.tlsquiz.codec.testing;

import dev.tlsquiz.codec.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Builds raw frames byte by byte, including malformed ones the encoder would never produce: a
 * wrong length, an unknown type byte, a string whose declared length runs past the frame, bytes
 * that are not UTF-8. The length prefix is computed from the bytes added unless
 * {@link #length(long)} overrides it.
 *
 * <pre>{@code
 * ByteBuf frame = FrameBuilder.frame(MessageType.ANSWER).u32(7).string("42").toByteBuf();
 * }</pre>
 */
public final class FrameBuilder {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private OptionalLong length = OptionalLong.empty();

    private FrameBuilder() {
    }

    /** A frame of type {@code type}. */
    public static FrameBuilder frame(MessageType type) {
        return frame(type.code());
    }

    /** A frame whose type byte is {@code typeCode}, known or not. */
    public static FrameBuilder frame(int typeCode) {
        return new FrameBuilder().u8(typeCode);
    }

    /** A frame with no type byte at all: only what is added after it. */
    public static FrameBuilder empty() {
        return new FrameBuilder();
    }

    /** Declares this length (the u32 prefix) instead of the real one; may be any u32 value. */
    public FrameBuilder length(long declaredLength) {
        this.length = OptionalLong.of(declaredLength);
        return this;
    }

    public FrameBuilder u8(int value) {
        body.write(value);
        return this;
    }

    public FrameBuilder u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    public FrameBuilder u32(long value) {
        return u16((int) (value >>> 16) & 0xFFFF).u16((int) value & 0xFFFF);
    }

    public FrameBuilder u64(long value) {
        return u32(value >>> 32).u32(value & 0xFFFF_FFFFL);
    }

    /** A well-formed string field: u16 byte length, then UTF-8. */
    public FrameBuilder string(String value) {
        return utf8(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A string field holding exactly these bytes, UTF-8 or not, with their real length. */
    public FrameBuilder utf8(byte[] bytes) {
        return u16(bytes.length).bytes(bytes);
    }

    /** Raw bytes, as given. */
    public FrameBuilder bytes(byte... bytes) {
        body.writeBytes(bytes);
        return this;
    }

    /** Raw bytes given as ints (so that {@code 0xC0} needs no cast). */
    public FrameBuilder bytes(int... bytes) {
        for (int b : bytes) {
            u8(b);
        }
        return this;
    }

    /** The frame: the length prefix, then every byte added. */
    public byte[] toByteArray() {
        byte[] content = body.toByteArray();
        long declared = length.orElse(content.length);
        byte[] frame = new byte[4 + content.length];
        frame[0] = (byte) (declared >>> 24);
        frame[1] = (byte) (declared >>> 16);
        frame[2] = (byte) (declared >>> 8);
        frame[3] = (byte) declared;
        System.arraycopy(content, 0, frame, 4, content.length);
        return frame;
    }

    /** The frame in an unpooled heap buffer, which the receiver of a write releases. */
    public ByteBuf toByteBuf() {
        return Unpooled.wrappedBuffer(toByteArray());
    }
}
