package dev.tlsquiz.tls;

import io.netty.buffer.ByteBuf;

/**
 * Counts the TLS records a peer sends, from the first byte of a connection, by walking the record
 * headers ({@code type(1), version(2), length(2)}) in the buffer that holds the bytes not yet
 * consumed. Each header is read once, however the records are cut into reads, so counting costs
 * constant time per record. Not thread-safe: one per connection, on its event loop.
 */
final class RecordCounter {

    static final int RECORD_HEADER_BYTES = 5;

    /** Stream offset (from the connection's first byte) of the buffer's reader index. */
    private long consumed;
    /** Stream offset of the first record header not counted yet. */
    private long nextHeader;
    private int records;
    private boolean sawEmptyRecord;

    /**
     * Counts the records whose header is complete in {@code in}, the bytes received and not consumed
     * yet (leaving its indexes alone), and returns how many there have been in all.
     */
    int count(ByteBuf in) {
        long end = consumed + in.readableBytes();
        while (nextHeader + RECORD_HEADER_BYTES <= end) {
            int length = in.getUnsignedShort(in.readerIndex() + (int) (nextHeader - consumed) + 3);
            sawEmptyRecord |= length == 0;
            nextHeader += RECORD_HEADER_BYTES + length;
            records++;
        }
        return records;
    }

    /** The owner took {@code bytes} whole records off the front of the buffer. */
    void consumed(int bytes) {
        consumed += bytes;
    }

    /** Whether a record of length 0 was counted. */
    boolean sawEmptyRecord() {
        return sawEmptyRecord;
    }
}
