package dev.tlsquiz.codec.fuzz;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * An unpooled heap allocator that remembers every buffer it hands out (and any buffer given to
 * {@link #track}), so that a fuzz test can check after every input that all of them were released.
 * The check is exact and costs nothing per access, unlike Netty's PARANOID leak detector, which
 * would slow fuzzing down many times and only reports once the garbage collector finds a leak.
 */
final class TrackingAllocator extends AbstractByteBufAllocator {

    private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false, true);

    private final List<ByteBuf> seen = new ArrayList<>();

    TrackingAllocator() {
        super(false);
    }

    /** Remembers a buffer made elsewhere, such as one written inbound. */
    ByteBuf track(ByteBuf buffer) {
        seen.add(buffer);
        return buffer;
    }

    /** The buffers seen that are not released yet. */
    List<ByteBuf> unreleased() {
        return seen.stream().filter(buffer -> buffer.refCnt() != 0).toList();
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return track(HEAP.heapBuffer(initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        // Heap either way: nothing here needs native memory.
        return newHeapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }
}
