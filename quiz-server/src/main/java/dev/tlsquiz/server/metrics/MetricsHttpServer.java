package dev.tlsquiz.server.metrics;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The metrics and health listener ({@code --metrics ADDRESS:PORT}): plain HTTP/1.1 on a port of its
 * own, never the quiz port, on the quiz server's event loops (the request handler on a thread of its
 * own, below). It answers {@code GET /metrics}, {@code
 * GET /health/live} and {@code GET /health/ready}, one request per connection, and nothing else:
 *
 * <pre>
 * httpCodec -&gt; aggregator -&gt; connectionCap -&gt; request
 * </pre>
 *
 * The codec bounds the request line and headers, the aggregator the body; the cap answers the
 * connection over {@link MetricsHttpLimits#maxConnections} with 503; the request handler holds the
 * deadline for a whole request and answers it, on one thread of the listener's own: a scrape lists
 * the process's open files ({@code /proc/self/fd}, one entry per connection) and the JVM's threads,
 * work that grows with the load and must not hold up the players an event loop serves.
 */
public final class MetricsHttpServer implements AutoCloseable {

    static final String HTTP_CODEC = "httpCodec";
    static final String AGGREGATOR = "aggregator";
    static final String CONNECTION_CAP = "connectionCap";
    static final String REQUEST = "request";

    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final EventExecutorGroup requests;

    private MetricsHttpServer(Channel serverChannel, ChannelGroup connections, EventExecutorGroup requests) {
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.requests = requests;
    }

    /**
     * Binds the listener and returns once it listens.
     *
     * @param address      where to listen
     * @param acceptors    the quiz server's acceptor loop group
     * @param workers      the quiz server's worker loop group
     * @param channelClass the server socket channel class of the quiz server's transport
     * @param metrics      what {@code /metrics} exposes
     * @param readiness    what {@code /health/ready} reports
     * @param limits       the bounds of a request
     * @throws MetricsBindException when the address cannot be bound
     */
    public static MetricsHttpServer bind(InetSocketAddress address, EventLoopGroup acceptors, EventLoopGroup workers,
                                         Class<? extends ServerChannel> channelClass, PrometheusServerMetrics metrics,
                                         Readiness readiness, MetricsHttpLimits limits) throws MetricsBindException {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(limits, "limits");
        ChannelGroup connections = new DefaultChannelGroup("metrics-connections", GlobalEventExecutor.INSTANCE);
        ConnectionCap cap = new ConnectionCap(limits.maxConnections());
        EventExecutorGroup requests = new DefaultEventExecutorGroup(1, new DefaultThreadFactory("tlsquiz-metrics", true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(channelClass)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 64)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        connections.add(channel);
                        ChannelPipeline pipeline = channel.pipeline();
                        // Bounds before buffering: an oversize request line or header block fails the decode.
                        pipeline.addLast(HTTP_CODEC, new HttpServerCodec(limits.maxInitialLineBytes(),
                                limits.maxHeaderBytes(), limits.maxBodyBytes() + 1));
                        // One FullHttpRequest; a body over the limit is answered 413 and closed, never buffered.
                        pipeline.addLast(AGGREGATOR, new BoundedAggregator(limits.maxBodyBytes()));
                        pipeline.addLast(CONNECTION_CAP, cap);
                        pipeline.addLast(requests, REQUEST,
                                new MetricsRequestHandler(metrics, readiness, limits.requestTimeout()));
                    }
                });
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            requests.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new MetricsBindException(address, bound.cause());
        }
        return new MetricsHttpServer(bound.channel(), connections, requests);
    }

    /** The address it listens on, with the actual port when bound to port 0. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops listening and closes every open connection; waits for both. */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
        requests.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
