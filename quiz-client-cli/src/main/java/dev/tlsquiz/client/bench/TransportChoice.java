package dev.tlsquiz.client.bench;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The Netty transport of the load generator. Native epoll has timers with nanosecond resolution
 * (NIO's selector rounds to milliseconds), which matters for open-loop pacing, and fewer copies.
 */
public enum TransportChoice {
    /** Native epoll when it loads on this machine, NIO otherwise. */
    AUTO,
    /** Native epoll; refused when it does not load. */
    EPOLL,
    /** Java NIO, available everywhere. */
    NIO;

    /**
     * EPOLL or NIO.
     *
     * @throws IllegalStateException for EPOLL when the native transport cannot be loaded, naming why
     */
    public TransportChoice resolve() {
        switch (this) {
            case AUTO:
                return Epoll.isAvailable() ? EPOLL : NIO;
            case EPOLL:
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("the epoll transport is not available here ("
                            + Epoll.unavailabilityCause() + "); use --transport nio");
                }
                return EPOLL;
            default:
                return NIO;
        }
    }

    /** The I/O handler factory of a resolved transport. */
    IoHandlerFactory ioHandlerFactory() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** The client channel class of a resolved transport. */
    Class<? extends SocketChannel> channelClass() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
