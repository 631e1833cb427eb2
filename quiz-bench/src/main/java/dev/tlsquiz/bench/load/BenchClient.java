package dev.tlsquiz.bench.load;

import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The connections of a bench run: one event-loop group, one client TLS context, and a connect
 * method that puts TLS first in every pipeline and binds the connection's source address.
 */
final class BenchClient implements AutoCloseable {

    private final BenchSettings settings;
    private final ClientTls tls;
    private final Transport transport;
    private final EventLoopGroup group;
    private final SourceAddresses sources;
    private final InetSocketAddress remote;
    private final AtomicInteger syntheticPort = new AtomicInteger();

    BenchClient(BenchSettings settings, ClientTls tls) {
        this.settings = settings;
        this.tls = tls;
        this.transport = settings.transport().resolve();
        this.group = new MultiThreadIoEventLoopGroup(settings.threads(), transport.ioHandlerFactory());
        this.sources = new SourceAddresses(settings.sourceAddresses());
        // Resolved once, here: a reconnect runs on an event loop, which must never wait for DNS.
        this.remote = new InetSocketAddress(settings.host(), settings.port());
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve --host " + settings.host()
                    + "; pass a host name or address that resolves on this machine");
        }
    }

    /** {@code epoll} or {@code nio}. */
    String transportName() {
        return transport.name().toLowerCase(java.util.Locale.ROOT);
    }

    String providerName() {
        return tls.providerName();
    }

    /**
     * Opens connection {@code connectionIndex} (local to this process).
     *
     * @param freshSession true: the TLS engine is keyed to a host:port pair no earlier connection
     *                     used, so the client's session cache has nothing to offer and the handshake
     *                     is a full one; false: the real port, so the cached session is offered
     * @param lingerZero   close with a reset, leaving no TIME_WAIT socket behind (the handshakes
     *                     scenario would otherwise run out of ephemeral ports)
     * @param end          how the connection ended, counted once; the exception handler last in
     *                     the pipeline reports to it
     * @param pipeline     adds the handlers between TLS and the exception handler
     */
    ChannelFuture connect(int connectionIndex, boolean freshSession, boolean lingerZero, ConnectionEnd end,
                          Consumer<Channel> pipeline) {
        int enginePort = freshSession ? nextSyntheticPort() : settings.port();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.socketChannelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                // Binding a source address must not fail on ports left in TIME_WAIT by earlier runs.
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        SslHandler ssl = tls.newHandler(channel.alloc(), settings.host(), enginePort);
                        ssl.setHandshakeTimeoutMillis(settings.connectTimeout().toMillis());
                        channel.pipeline().addLast(PipelineNames.SSL, ssl);
                        pipeline.accept(channel);
                        // Last: whatever a handler above throws is counted once and closes the connection.
                        channel.pipeline().addLast(PipelineNames.EXCEPTIONS, new BenchExceptionHandler(end));
                    }
                });
        if (lingerZero) {
            bootstrap.option(ChannelOption.SO_LINGER, 0);
        }
        InetSocketAddress local = sources.localAddress((long) settings.firstConnection() + connectionIndex);
        return local == null ? bootstrap.connect(remote) : bootstrap.connect(remote, local);
    }

    /**
     * A port number only the TLS engine sees, so that the session cache (keyed by host and port)
     * never holds a session for it; it cycles over the unprivileged range, skipping the real port,
     * and a cache entry for a reused number has long been evicted or expired by then.
     */
    private int nextSyntheticPort() {
        while (true) {
            int port = 1024 + Math.floorMod(syntheticPort.getAndIncrement(), 65535 - 1024);
            if (port != settings.port()) {
                return port;
            }
        }
    }

    /** Stops the event loops; call after every channel is closed. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
