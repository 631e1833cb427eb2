package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Counting TLS records by their headers, however the bytes arrive and are consumed. */
class RecordCounterTest {

    /** Three records: handshake of 3 bytes, change_cipher_spec of 1, application data of 2. */
    private static ByteBuf threeRecords() {
        return Unpooled.buffer()
                .writeByte(22).writeShort(0x0301).writeShort(3).writeByte(1).writeByte(2).writeByte(3)
                .writeByte(20).writeShort(0x0303).writeShort(1).writeByte(1)
                .writeByte(23).writeShort(0x0303).writeShort(2).writeByte(9).writeByte(9);
    }

    @Test
    void count_whenBytesArriveOneByOne_thenEachRecordCountsOnceItsHeaderIsComplete() {
        ByteBuf wire = threeRecords();
        ByteBuf received = Unpooled.buffer();
        RecordCounter counter = new RecordCounter();
        int[] expected = new int[wire.readableBytes()];
        // Headers complete at bytes 5, 13 and 19 (counting from 1).
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i + 1 >= 19 ? 3 : i + 1 >= 13 ? 2 : i + 1 >= 5 ? 1 : 0;
        }
        for (int i = 0; i < wire.readableBytes(); i++) {
            received.writeByte(wire.getByte(i));
            assertEquals(expected[i], counter.count(received), "after byte " + (i + 1));
        }
        assertFalse(counter.sawEmptyRecord());
        received.release();
        wire.release();
    }

    @Test
    void count_whenTheOwnerConsumesWholeRecords_thenItCountsOnFromWhereItWas() {
        ByteBuf wire = threeRecords();
        RecordCounter counter = new RecordCounter();
        ByteBuf firstTwo = wire.retainedSlice(0, 14);
        assertEquals(2, counter.count(firstTwo));
        // The owner takes the first record; its buffer now starts at the second one.
        firstTwo.skipBytes(8);
        counter.consumed(8);
        ByteBuf rest = Unpooled.buffer().writeBytes(firstTwo).writeBytes(wire, 14, wire.readableBytes() - 14);
        assertEquals(3, counter.count(rest));
        assertEquals(3, counter.count(rest), "counted once");
        firstTwo.release();
        rest.release();
        wire.release();
    }

    @Test
    void count_whenARecordIsEmpty_thenItIsSeen() {
        ByteBuf wire = Unpooled.buffer().writeByte(22).writeShort(0x0301).writeShort(0);
        RecordCounter counter = new RecordCounter();
        assertEquals(1, counter.count(wire));
        assertTrue(counter.sawEmptyRecord());
        wire.release();
    }
}
