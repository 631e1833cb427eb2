package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * A {@link FieldSink} that appends the fields to a buffer. The records have checked every range
 * already, so the values are written without further checks.
 */
final class FieldWriter implements FieldSink {

    private final ByteBuf out;

    FieldWriter(ByteBuf out) {
        this.out = out;
    }

    @Override
    public void u8(int value) {
        out.writeByte(value);
    }

    @Override
    public void u16(int value) {
        out.writeShort(value);
    }

    @Override
    public void u32(long value) {
        out.writeInt((int) value);
    }

    @Override
    public void u64(long value) {
        out.writeLong(value);
    }

    @Override
    public void string(String value) {
        int length = ByteBufUtil.utf8Bytes(value);
        out.writeShort(length);
        // Reserve exactly the UTF-8 length: writeUtf8 would reserve the worst case (3 bytes per
        // char) and overflow a buffer allocated with the exact encoded size as its maximum.
        ByteBufUtil.reserveAndWriteUtf8(out, value, length);
    }
}
