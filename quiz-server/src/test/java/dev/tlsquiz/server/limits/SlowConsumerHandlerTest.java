package dev.tlsquiz.server.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlowConsumerHandlerTest {

    private static EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel(new SlowConsumerHandler(Duration.ofSeconds(10)));
        channel.freezeTime();
        channel.config().setOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(8, 16));
        return channel;
    }

    /** Writes without flushing: the bytes wait in the outbound buffer, as they do for a peer that does not read. */
    private static void queue(EmbeddedChannel channel, int bytes) {
        channel.write(Unpooled.wrappedBuffer(new byte[bytes]));
    }

    @Test
    void timer_whenUnwritableLongerThanTheTimeout_thenCloses() {
        EmbeddedChannel channel = channel();
        queue(channel, 100);
        assertFalse(channel.isWritable());
        channel.advanceTimeBy(9, TimeUnit.SECONDS);
        channel.runPendingTasks();
        assertTrue(channel.isOpen(), "still within the timeout");
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runPendingTasks();
        assertFalse(channel.isOpen(), "closed after the timeout");
        assertFalse(channel.finish());
    }

    @Test
    void timer_whenWritableAgainInTime_thenStaysOpen() {
        EmbeddedChannel channel = channel();
        queue(channel, 100);
        channel.advanceTimeBy(9, TimeUnit.SECONDS);
        channel.runPendingTasks();
        channel.flush();
        assertTrue(channel.isWritable());
        channel.advanceTimeBy(60, TimeUnit.SECONDS);
        channel.runPendingTasks();
        assertTrue(channel.isOpen());
        // A fresh stall gets a fresh timeout.
        ((ByteBuf) channel.readOutbound()).release();
        queue(channel, 100);
        channel.advanceTimeBy(9, TimeUnit.SECONDS);
        channel.runPendingTasks();
        assertTrue(channel.isOpen());
        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.runPendingTasks();
        assertFalse(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void autoRead_whenUnwritable_thenStopsUntilWritableAgain() {
        EmbeddedChannel channel = channel();
        queue(channel, 100);
        assertFalse(channel.config().isAutoRead(), "a peer that does not read is not read from either");
        channel.flush();
        assertTrue(channel.isWritable());
        assertTrue(channel.config().isAutoRead(), "reading resumes once the peer has read what we sent");
        ((ByteBuf) channel.readOutbound()).release();
        assertFalse(channel.finish());
    }
}
