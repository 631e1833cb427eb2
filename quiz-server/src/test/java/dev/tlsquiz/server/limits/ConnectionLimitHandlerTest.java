package dev.tlsquiz.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConnectionLimitHandlerTest {

    private final List<String> lines = new ArrayList<>();
    private final long[] clock = {0};

    private ConnectionLimitHandler handler(int max, int perIp) {
        return new ConnectionLimitHandler(new ConnectionCounter(max, perIp),
                new RateLimitedLog(lines::add, Duration.ofSeconds(10), () -> clock[0]),
                new RateLimitedLog(lines::add, Duration.ofSeconds(10), () -> clock[0]));
    }

    @Test
    void handlerAdded_whenUnderTheLimits_thenCountsTheConnectionUntilItCloses() throws Exception {
        ConnectionLimitHandler limiter = handler(10, 10);
        AddressedEmbeddedChannel channel = AddressedEmbeddedChannel.from("192.0.2.1", 40000, limiter);
        assertTrue(channel.isOpen());
        assertEquals(1, limiter.counter().from(InetAddress.getByName("192.0.2.1")));
        // It stays out of the way of the bytes.
        assertTrue(channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));
        ((io.netty.buffer.ByteBuf) channel.readInbound()).release();
        channel.close().syncUninterruptibly();
        assertEquals(0, limiter.counter().total());
        assertEquals(0, limiter.counter().addresses());
        assertFalse(channel.finish());
    }

    @Test
    void handlerAdded_whenTotalLimitReached_thenClosesBeforeLaterHandlersSeeAnything() {
        ConnectionLimitHandler limiter = handler(2, 10);
        AddressedEmbeddedChannel first = AddressedEmbeddedChannel.from("192.0.2.1", 40001, limiter);
        AddressedEmbeddedChannel second = AddressedEmbeddedChannel.from("192.0.2.2", 40002, limiter);
        AtomicBoolean laterHandlerActive = new AtomicBoolean();
        AddressedEmbeddedChannel third = AddressedEmbeddedChannel.from("192.0.2.3", 40003, limiter,
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                        laterHandlerActive.set(true);
                    }
                });
        assertFalse(third.isOpen(), "the third connection is refused at once");
        assertFalse(laterHandlerActive.get(), "nothing after the limiter sees a refused connection become active");
        assertEquals(2, limiter.counter().total());
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("192.0.2.3") && lines.get(0).contains("--max-connections"), lines.get(0));
        first.close();
        second.close();
        assertEquals(0, limiter.counter().total());
        assertFalse(first.finish());
        assertFalse(second.finish());
        assertFalse(third.finish());
    }

    @Test
    void handlerAdded_whenAddressLimitReached_thenRefusesThatAddressAndLogsOncePerInterval() {
        ConnectionLimitHandler limiter = handler(100, 1);
        AddressedEmbeddedChannel admitted = AddressedEmbeddedChannel.from("198.51.100.7", 1000, limiter);
        for (int i = 0; i < 5; i++) {
            AddressedEmbeddedChannel refused = AddressedEmbeddedChannel.from("198.51.100.7", 1001 + i, limiter);
            assertFalse(refused.isOpen());
            assertNull(refused.readOutbound(), "nothing is written to a refused connection");
            refused.finish();
        }
        assertTrue(AddressedEmbeddedChannel.from("198.51.100.8", 1000, limiter).isOpen());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("refused a connection from 198.51.100.7: that address has 1 connection"
                + " open (--max-connections-per-ip)"), lines.get(0));
        clock[0] += Duration.ofSeconds(10).toNanos();
        AddressedEmbeddedChannel.from("198.51.100.7", 2000, limiter).finish();
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).endsWith("(and 4 more like it since the previous line, not logged)"), lines.get(1));
        admitted.close();
    }

    @Test
    void handlerAdded_whenIpv6ClientsShareA64_thenTheyShareTheLimitAndTheLogNamesThe64() {
        ConnectionLimitHandler limiter = handler(100, 2);
        AddressedEmbeddedChannel first = AddressedEmbeddedChannel.from("2001:db8:5:6::1", 40000, limiter);
        AddressedEmbeddedChannel second = AddressedEmbeddedChannel.from("2001:db8:5:6::2", 40001, limiter);
        AddressedEmbeddedChannel third = AddressedEmbeddedChannel.from("2001:db8:5:6:1234::9", 40002, limiter);
        AddressedEmbeddedChannel elsewhere = AddressedEmbeddedChannel.from("2001:db8:5:7::1", 40003, limiter);
        assertTrue(first.isOpen() && second.isOpen());
        assertFalse(third.isOpen(), "a third address of the same /64 is over the limit of 2");
        assertTrue(elsewhere.isOpen(), "another /64 has its own limit");
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("refused a connection from 2001:db8:5:6:1234:0:0:9: its /64"
                + " (2001:db8:5:6:0:0:0:0/64) has 2 connections open (--max-connections-per-ip counts an IPv6 /64"
                + " as one address)"), lines.get(0));
        first.close();
        second.close();
        elsewhere.close();
        assertEquals(0, limiter.counter().total());
        assertEquals(0, limiter.counter().addresses());
        assertFalse(first.finish());
        assertFalse(second.finish());
        assertFalse(third.finish());
        assertFalse(elsewhere.finish());
    }
}
