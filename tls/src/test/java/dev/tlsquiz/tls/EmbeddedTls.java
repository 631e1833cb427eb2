package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/** Bytes in and out of an {@link EmbeddedChannel} that holds a server's TLS handlers. */
final class EmbeddedTls {

    /** TLS alert descriptions (RFC 8446 6). */
    static final int DECODE_ERROR = 50;
    static final int NO_APPLICATION_PROTOCOL = 120;

    private EmbeddedTls() {
    }

    /**
     * Writes {@code wire} inbound in pieces of {@code piece} bytes until it is all written or the
     * channel closes; returns the bytes written. Leaves {@code wire} for the caller to release.
     */
    static int write(EmbeddedChannel channel, ByteBuf wire, int piece) {
        int offset = 0;
        while (offset < wire.readableBytes() && channel.isOpen()) {
            int length = Math.min(piece, wire.readableBytes() - offset);
            channel.writeInbound(wire.retainedSlice(wire.readerIndex() + offset, length));
            offset += length;
        }
        return offset;
    }

    /** The server wrote this fatal alert, in the clear, and nothing else, and closed the connection. */
    static void assertRefused(EmbeddedChannel channel, int description) {
        assertAlert(channel, description);
        assertFalse(channel.isOpen(), "closed after the alert");
    }

    /** The one record the server wrote must be this fatal alert, in the clear. */
    static void assertAlert(EmbeddedChannel channel, int description) {
        ByteBuf alert = channel.readOutbound();
        assertNotNull(alert, "an alert");
        assertArrayEquals(new byte[] {21, 3, 3, 0, 2, 2, (byte) description}, ByteBufUtil.getBytes(alert));
        alert.release();
        assertNull(channel.readOutbound(), "nothing after the alert");
    }

    /** Everything written outbound so far, joined. */
    static ByteBuf outbound(EmbeddedChannel channel) {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            all.writeBytes(part);
            part.release();
        }
        return all;
    }
}
