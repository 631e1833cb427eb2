package dev.tlsquiz.codec;

import io.netty.buffer.ByteBufUtil;

/** A {@link FieldSink} that writes nothing and adds up how many bytes the fields would take. */
final class FieldCounter implements FieldSink {

    private int bytes;

    /** The bytes counted so far. */
    int bytes() {
        return bytes;
    }

    @Override
    public void u8(int value) {
        bytes += 1;
    }

    @Override
    public void u16(int value) {
        bytes += 2;
    }

    @Override
    public void u32(long value) {
        bytes += 4;
    }

    @Override
    public void u64(long value) {
        bytes += 8;
    }

    @Override
    public void string(String value) {
        bytes += 2 + ByteBufUtil.utf8Bytes(value);
    }
}
