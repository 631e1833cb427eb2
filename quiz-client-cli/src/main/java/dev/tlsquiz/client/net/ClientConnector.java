package dev.tlsquiz.client.net;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.Failures;
import dev.tlsquiz.client.session.EventQueue;
import dev.tlsquiz.tls.ClientTls;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Opens connections to a quiz server. It owns one single-threaded event loop: a player needs one
 * connection at a time, and a reconnect after a trust decision reuses the loop.
 */
public final class ClientConnector implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ClientTimeouts timeouts;

    public ClientConnector(ClientTimeouts timeouts) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    /**
     * Connects over TCP and starts the TLS handshake; the returned connection's
     * {@link ClientConnection#handshakeFuture()} tells how the handshake ends.
     *
     * @param events receives the connection's events, on the event loop, once the connection is
     *               {@link ClientConnection#release() released}; when it is full the connection stops
     *               reading from the server until the play loop has caught up
     * @throws ClientFailure with {@code CONNECT_FAILED} when the TCP connection cannot be made
     */
    public ClientConnection connect(ClientTls tls, String host, int port, Duration connectTimeout,
                                    EventQueue events) {
        EventSink eventSink = new EventSink(events);
        long timeoutMillis = connectTimeout.toMillis();
        ClientChannelInitializer initializer =
                new ClientChannelInitializer(tls, host, port, timeoutMillis, timeouts, eventSink);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                // Answers are a few bytes each; waiting to fill a segment would only add latency.
                .option(ChannelOption.TCP_NODELAY, true)
                // Past 64 KiB of unsent data (a server that does not read our PONGs) the client stops
                // reading from it, until the data is down to 32 KiB (see ReadGate).
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                .handler(initializer);
        ChannelFuture connect = bootstrap.connect(host, port);
        // The connect timeout option fails the future itself; the margin only covers a stuck resolver.
        if (!connect.awaitUninterruptibly(timeoutMillis + 5_000)) {
            connect.cancel(false);
            throw Failures.connectTimedOut(host, port, connectTimeout);
        }
        if (!connect.isSuccess()) {
            throw Failures.connectFailed(connect.cause(), host, port, connectTimeout);
        }
        // From the initializer, not the pipeline: a handshake that fails at once (an unknown server key)
        // closes the channel, and empties its pipeline, before this thread gets here on a busy machine.
        return new ClientConnection(connect.channel(), initializer.ssl(), eventSink);
    }

    /** Shuts the event loop down, closing any connection still open. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10_000);
    }
}
