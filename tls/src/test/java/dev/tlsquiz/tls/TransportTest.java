package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void parse_whenAnyCase_thenTheChoice() {
        assertEquals(Transport.EPOLL, Transport.parse(" Epoll "));
        assertEquals(Transport.NIO, Transport.parse("nio"));
        assertEquals(Transport.AUTO, Transport.parse("AUTO"));
    }

    @Test
    void parse_whenUnknown_thenNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transport.parse("kqueue"));
        assertTrue(e.getMessage().contains("use auto, epoll or nio"), e.getMessage());
    }

    @Test
    void resolve_whenAuto_thenEpollWhereItLoadsElseNio() {
        assertEquals(Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO, Transport.AUTO.resolve());
        assertNotEquals(Transport.AUTO, Transport.AUTO.resolve());
    }

    @Test
    void channelClasses_whenNio_thenNioChannels() {
        assertEquals(NioSocketChannel.class, Transport.NIO.socketChannelClass());
        assertEquals(NioServerSocketChannel.class, Transport.NIO.serverSocketChannelClass());
    }
}
