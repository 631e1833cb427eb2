package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;

/**
 * A Netty TLS server on 127.0.0.1:0 and clients that connect to it, completing real handshakes. Each
 * {@link #connect} waits (with timeouts, never sleeping) until both ends know the outcome. Connections
 * are made one at a time; the server pipeline holds only the SslHandler.
 *
 * <pre>{@code
 * try (ServerTls server = ServerTls.open(config);
 *      TlsLoopback loopback = TlsLoopback.start(group, server);
 *      ClientTls client = ClientTls.create(clientConfig)) {
 *     loopback.connect(client, "localhost").assertSucceeded();
 * }
 * }</pre>
 */
public final class TlsLoopback implements AutoCloseable {

    /** How long any one wait may take before the test fails. */
    public static final long TIMEOUT_SECONDS = 20;

    /**
     * What one connection came to.
     *
     * @param clientFailure why the client's handshake failed, or the first error right after it (TLS 1.3
     *                      clients learn of a refused client certificate only then); null on success
     * @param serverFailure why the server's handshake failed; null on success
     * @param clientSession the client's session when its handshake succeeded
     * @param serverSession the server's session when its handshake succeeded
     * @param clientAlpn    the protocol ALPN chose, as the client saw it; null: none
     * @param serverSni     the SNI names the server received, read when its handshake finished (the
     *                      OpenSSL session reads them lazily and has none once the engine is freed)
     */
    public record Outcome(Throwable clientFailure, Throwable serverFailure, SSLSession clientSession,
                   SSLSession serverSession, String clientAlpn, List<SNIServerName> serverSni) {

        /** Both handshakes succeeded. */
        public boolean succeeded() {
            return clientFailure == null && serverFailure == null;
        }

        /** Fails the test, with both causes attached, unless both handshakes succeeded. */
        public Outcome assertSucceeded() {
            if (!succeeded()) {
                AssertionError error = new AssertionError("handshake failed: client " + clientFailure
                        + ", server " + serverFailure);
                if (clientFailure != null) {
                    error.addSuppressed(clientFailure);
                }
                if (serverFailure != null) {
                    error.addSuppressed(serverFailure);
                }
                throw error;
            }
            return this;
        }

        /** Fails the test unless the server refused the handshake and the client saw it. */
        public Outcome assertRefused() {
            assertTrue(serverFailure != null, "the server should have refused the handshake; client: " + clientFailure);
            assertTrue(clientFailure != null, "the client should have seen the refusal");
            return this;
        }
    }

    private record ServerSide(Throwable failure, SSLSession session, List<SNIServerName> sni) {
    }

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final BlockingQueue<ServerSide> serverResults = new LinkedBlockingQueue<>();

    private TlsLoopback(EventLoopGroup group, Function<ByteBufAllocator, SslHandler> serverHandlers) {
        this.group = group;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler ssl = serverHandlers.apply(ch.alloc());
                        ch.pipeline().addLast(ssl);
                        ch.pipeline().addLast(new QuietHandler());
                        ssl.handshakeFuture().addListener((Future<Channel> f) -> {
                            SSLSession session = f.isSuccess() ? ssl.engine().getSession() : null;
                            List<SNIServerName> sni = session instanceof ExtendedSSLSession
                                    ? List.copyOf(((ExtendedSSLSession) session).getRequestedServerNames()) : List.of();
                            serverResults.add(new ServerSide(f.cause(), session, sni));
                            if (!f.isSuccess()) {
                                ch.close();
                            }
                        });
                    }
                });
        this.serverChannel = bootstrap.bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    /** A server whose connections get handlers from {@code server}. */
    public static TlsLoopback start(EventLoopGroup group, ServerTls server) {
        return new TlsLoopback(group, server::newHandler);
    }

    /** A server with arbitrary handlers (a test-only context). */
    public static TlsLoopback start(EventLoopGroup group, Function<ByteBufAllocator, SslHandler> serverHandlers) {
        return new TlsLoopback(group, serverHandlers);
    }

    /** A small event loop group for tests; shut it down after the class. */
    public static EventLoopGroup newGroup() {
        return new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    /** The port the server listens on, on 127.0.0.1. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Connects with a handler from {@code client} for {@code host} (always dialling 127.0.0.1). */
    public Outcome connect(ClientTls client, String host) {
        return connect(alloc -> client.newHandler(alloc, host, port()));
    }

    /** Connects with any client handler. */
    public Outcome connect(Function<ByteBufAllocator, SslHandler> clientHandlers) {
        CompletableFuture<Throwable> afterHandshake = new CompletableFuture<>();
        SslHandler[] holder = new SslHandler[1];
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        holder[0] = clientHandlers.apply(ch.alloc());
                        ch.pipeline().addLast(holder[0]);
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                afterHandshake.complete(cause);
                                ctx.close();
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                afterHandshake.complete(null);
                            }
                        });
                    }
                });
        Channel channel = bootstrap.connect("127.0.0.1", port()).syncUninterruptibly().channel();
        try {
            SslHandler ssl = holder[0];
            Future<Channel> handshake = ssl.handshakeFuture();
            if (!handshake.awaitUninterruptibly(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("client handshake did not finish within " + TIMEOUT_SECONDS + " s");
            }
            ServerSide server = serverResults.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (server == null) {
                fail("server handshake did not finish within " + TIMEOUT_SECONDS + " s");
            }
            Throwable clientFailure = handshake.cause();
            SSLSession clientSession = null;
            String alpn = null;
            if (handshake.isSuccess()) {
                clientSession = ssl.engine().getSession();
                alpn = ssl.applicationProtocol();
                if (server.failure() != null) {
                    // TLS 1.3: the client finished first; the server's alert arrives afterwards.
                    clientFailure = afterHandshake.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    if (clientFailure == null) {
                        clientFailure = new ClosedChannelException();
                    }
                }
            }
            return new Outcome(clientFailure, server.failure(), clientSession, server.session(), alpn, server.sni());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("client did not see the end of the connection within " + TIMEOUT_SECONDS
                    + " s", e);
        } finally {
            channel.close().awaitUninterruptibly(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Swallows the server's handshake errors: the handshake future reports them. */
    private static final class QuietHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
