package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * An unpooled allocator, outside Netty's leak detector, that remembers every buffer it hands out, so a test can check that all of
 * them were released. Netty's detector is left out on purpose: under PARANOID it records
 * a stack trace on every access, which would make the fuzz test many times slower, and this check
 * is exact where the detector depends on the garbage collector.
 */
final class CountingAllocator extends AbstractByteBufAllocator {

    private final List<ByteBuf> allocated = new ArrayList<>();

    CountingAllocator() {
        super(false);
    }

    /** Remembers a buffer made elsewhere (such as a wrapped array written inbound). */
    ByteBuf track(ByteBuf buffer) {
        allocated.add(buffer);
        return buffer;
    }

    /** How many of the buffers seen are still unreleased. */
    long unreleased() {
        return allocated.stream().filter(buffer -> buffer.refCnt() != 0).count();
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return track(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return track(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
    }
}
