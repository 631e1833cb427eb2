package dev.tlsquiz.tls;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;

/**
 * The Netty I/O transport, one choice for every program here (server, load generator, bench peers),
 * beside {@link TlsProvider}, the other {@code auto}-by-default runtime choice. Native epoll has
 * fewer copies and syscalls than NIO, and timers with nanosecond resolution (NIO's selector rounds
 * to milliseconds), which matters for open-loop pacing.
 */
public enum Transport {
    /** Native epoll when it loads here (Linux), NIO otherwise. */
    AUTO,
    /** Native epoll; refused where it does not load. */
    EPOLL,
    /** Java NIO, available everywhere. */
    NIO;

    /**
     * Reads a command-line value: {@code auto}, {@code epoll} or {@code nio}, in any case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Transport parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown transport '" + value + "'; use auto, epoll or nio", e);
        }
    }

    /**
     * EPOLL or NIO.
     *
     * @throws IllegalArgumentException for EPOLL when the native transport cannot be loaded, naming why
     */
    public Transport resolve() {
        return switch (this) {
            case AUTO -> Epoll.isAvailable() ? EPOLL : NIO;
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalArgumentException("--transport epoll: the native epoll transport is not"
                            + " available here (" + Epoll.unavailabilityCause() + "); use --transport nio");
                }
                yield EPOLL;
            }
            case NIO -> NIO;
        };
    }

    /** The I/O handler factory of the resolved transport. */
    public IoHandlerFactory ioHandlerFactory() {
        return resolve() == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** The client channel class of the resolved transport. */
    public Class<? extends SocketChannel> socketChannelClass() {
        return resolve() == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** The server channel class of the resolved transport. */
    public Class<? extends ServerSocketChannel> serverSocketChannelClass() {
        return resolve() == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
