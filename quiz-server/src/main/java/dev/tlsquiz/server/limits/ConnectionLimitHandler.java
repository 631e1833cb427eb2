package dev.tlsquiz.server.limits;

import dev.tlsquiz.server.limits.ConnectionCounter.Admission;
import dev.tlsquiz.server.services.LimitHit;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.text.Counts;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every server connection: counts it against the total and per-address
 * connection limits ({@code --max-connections}, {@code --max-connections-per-ip}, where an IPv6 /64
 * counts as one address) and refuses it at once when either is reached.
 *
 * <p>The check runs in {@link #handlerAdded}, while the initializer is still assembling the
 * pipeline and before any {@code SslHandler} exists, so a refused connection costs no TLS work:
 * it is reset (SO_LINGER 0: no FIN handshake, no TIME_WAIT left on the server) and the initializer
 * sees a closed channel and adds nothing more. The client sees the connection reset without any
 * frame, as PROTOCOL.md section 1 allows. An admitted connection is released from the count when
 * it closes, whichever event loop closes it.
 *
 * <p>Refusals are logged at WARN through a {@link RateLimitedLog} per limit: at most one line per
 * limit per 10 seconds, with the number of refusals left out, so a connection flood cannot flood
 * the log. One instance serves every connection of a server.
 */
@Sharable
public final class ConnectionLimitHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimitHandler.class);

    private final ConnectionCounter counter;
    private final RateLimitedLog tooManyConnections;
    private final RateLimitedLog tooManyFromAddress;
    private final ServerMetrics metrics;

    /**
     * @param maxConnections      the most connections open at once ({@code --max-connections})
     * @param maxConnectionsPerIp the most connections open at once from one client address
     *                            ({@code --max-connections-per-ip})
     */
    public ConnectionLimitHandler(int maxConnections, int maxConnectionsPerIp) {
        this(maxConnections, maxConnectionsPerIp, ServerMetrics.none());
    }

    /**
     * @param maxConnections      the most connections open at once ({@code --max-connections})
     * @param maxConnectionsPerIp the most connections open at once from one client address
     *                            ({@code --max-connections-per-ip})
     * @param metrics             told of every admitted connection, its close, and every refusal
     */
    public ConnectionLimitHandler(int maxConnections, int maxConnectionsPerIp, ServerMetrics metrics) {
        this(new ConnectionCounter(maxConnections, maxConnectionsPerIp),
                new RateLimitedLog(line -> LOG.warn("{}", line), RateLimitedLog.DEFAULT_INTERVAL, System::nanoTime),
                new RateLimitedLog(line -> LOG.warn("{}", line), RateLimitedLog.DEFAULT_INTERVAL, System::nanoTime),
                metrics);
    }

    /** For tests: a given counter, and logs whose lines they can see. */
    public ConnectionLimitHandler(ConnectionCounter counter, RateLimitedLog tooManyConnections,
                                  RateLimitedLog tooManyFromAddress) {
        this(counter, tooManyConnections, tooManyFromAddress, ServerMetrics.none());
    }

    private ConnectionLimitHandler(ConnectionCounter counter, RateLimitedLog tooManyConnections,
                                   RateLimitedLog tooManyFromAddress, ServerMetrics metrics) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.tooManyConnections = Objects.requireNonNull(tooManyConnections, "tooManyConnections");
        this.tooManyFromAddress = Objects.requireNonNull(tooManyFromAddress, "tooManyFromAddress");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The counts, for monitoring and tests. */
    public ConnectionCounter counter() {
        return counter;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        InetAddress address = clientAddress(channel.remoteAddress());
        Admission admission = counter.tryAcquire(address);
        if (admission == Admission.ADMITTED) {
            // Released exactly once, when the connection ends for whatever reason.
            metrics.connectionOpened();
            channel.closeFuture().addListener(closed -> {
                counter.release(address);
                metrics.connectionClosed();
            });
            return;
        }
        refuse(ctx, address, admission);
    }

    private void refuse(ChannelHandlerContext ctx, InetAddress address, Admission admission) {
        metrics.limitHit(admission == Admission.TOO_MANY_CONNECTIONS ? LimitHit.MAX_CONNECTIONS
                : LimitHit.MAX_CONNECTIONS_PER_IP);
        String client = address == null ? String.valueOf(ctx.channel().remoteAddress()) : address.getHostAddress();
        if (admission == Admission.TOO_MANY_CONNECTIONS) {
            tooManyConnections.event("refused a connection from " + client + ": the server has "
                    + Counts.of(counter.maxConnections(), "connection") + " open (--max-connections); raise the limit"
                    + " if this is honest load");
        } else if (ConnectionCounter.countedAs(address) instanceof Inet6Address network) {
            tooManyFromAddress.event("refused a connection from " + client + ": its /64 ("
                    + network.getHostAddress() + "/64) has " + Counts.of(counter.maxConnectionsPerAddress(), "connection")
                    + " open (--max-connections-per-ip counts an IPv6 /64 as one address);"
                    + " raise the limit if many players share that network");
        } else {
            tooManyFromAddress.event("refused a connection from " + client + ": that address has "
                    + Counts.of(counter.maxConnectionsPerAddress(), "connection") + " open (--max-connections-per-ip);"
                    + " raise the limit if many players share that address");
        }
        // A reset instead of an orderly close: nothing to say before TLS, and no TIME_WAIT to keep.
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        // From this handler's context the close passes no other handler (this one is first).
        ctx.close();
    }

    private static InetAddress clientAddress(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
