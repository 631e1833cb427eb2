package dev.tlsquiz.tls;

import static dev.tlsquiz.tls.TlsTestSupport.ALPN_ID;
import static dev.tlsquiz.tls.TlsTestSupport.client;
import static dev.tlsquiz.tls.TlsTestSupport.openServer;
import static dev.tlsquiz.tls.TlsTestSupport.serverConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.TestPki;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.internal.tcnative.SSL;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS session resumption: a client returning to the server resumes its session with a ticket; a reload of the TLS files ends every earlier session; rotated
 * keys still accept the tickets of the previous key; under mutual TLS a resumed session keeps the
 * player's identity. The client is OpenSSL throughout, which can tell a resumed handshake from a full one.
 */
class SessionResumptionTest {

    private static EventLoopGroup group;
    private static TestPki pki;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TlsTestSupport.requireOpenSsl();
        group = TlsLoopback.newGroup();
        pki = TestPki.create(dir);
    }

    @AfterAll
    static void tearDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** What one connection saw: whether its handshake resumed, and the client's CN as the server saw it. */
    private record Visit(boolean resumed, Optional<String> clientName) {
    }

    @Test
    void openSsl_thenTheSecondVisitResumes() {
        ServerTlsConfig config = serverConfig(pki.server(), TlsProvider.OPENSSL);
        try (ServerTls server = openServer(config);
             TicketServer tickets = new TicketServer(server);
             ClientTls clientTls = caClient()) {
            assertFalse(tickets.visit(clientTls).resumed(), "the first visit has no session to resume");
            assertTrue(tickets.visit(clientTls).resumed(), "the second visit should resume the first's session");
            assertTrue(tickets.visit(clientTls).resumed(), "and so should the third, with the second's ticket");
        }
    }

    @Test
    void jdk_thenTheSecondVisitResumes() {
        ServerTlsConfig config = serverConfig(pki.server(), TlsProvider.JDK);
        try (ServerTls server = openServer(config);
             TicketServer tickets = new TicketServer(server);
             ClientTls clientTls = caClient()) {
            assertFalse(tickets.visit(clientTls).resumed());
            assertTrue(tickets.visit(clientTls).resumed(), "the JDK server should resume TLS 1.3 sessions");
        }
    }

    @Test
    void reload_thenEarlierSessionsNoLongerResume() {
        ServerTlsConfig config = serverConfig(pki.server(), TlsProvider.OPENSSL);
        try (ServerTls server = openServer(config);
             TicketServer tickets = new TicketServer(server);
             ClientTls clientTls = caClient();
             ClientTls newcomer = caClient()) {
            tickets.visit(clientTls);
            assertTrue(server.reloadNow());
            assertFalse(tickets.visit(clientTls).resumed(),
                    "a ticket from before a reload (a new CRL, say) must not skip the new checks");
            // A client whose cache holds only tickets of the new context: the client that came before
            // still holds the second ticket of its first visit too, and picks either at random.
            tickets.visit(newcomer);
            assertTrue(tickets.visit(newcomer).resumed(), "tickets of the new context resume");
        }
    }

    @Test
    void rotation_thenTheCurrentTicketStillResumesButNotOneTwoRotationsOld() {
        ServerTlsConfig config = serverConfig(pki.server(), TlsProvider.OPENSSL);
        try (ServerTls server = openServer(config);
             TicketServer tickets = new TicketServer(server);
             ClientTls clientTls = caClient()) {
            tickets.visit(clientTls);
            server.rotateTicketKeys();
            assertTrue(tickets.visit(clientTls).resumed(), "the previous key still accepts its tickets");
            server.rotateTicketKeys();
            server.rotateTicketKeys();
            assertFalse(tickets.visit(clientTls).resumed(), "a key two rotations old is gone");
        }
    }

    @Test
    void mutualTls_whenResumed_thenTheServerStillKnowsThePlayer() {
        ServerTlsConfig config = serverConfig(pki.server(), TlsProvider.OPENSSL)
                .withClientAuth(ClientAuthMode.REQUIRE, pki.caCert(), null);
        ClientTlsConfig clientConfig = new ClientTlsConfig(new ClientTrust.CaFile(pki.caCert()),
                pki.client().cert(), pki.client().key(), TlsProvider.OPENSSL, TlsProfile.MODERN, ALPN_ID);
        try (ServerTls server = openServer(config);
             TicketServer tickets = new TicketServer(server);
             ClientTls clientTls = client(clientConfig)) {
            assertEquals(Optional.of("alice"), tickets.visit(clientTls).clientName());
            Visit resumed = tickets.visit(clientTls);
            assertTrue(resumed.resumed());
            assertEquals(Optional.of("alice"), resumed.clientName(), "the identity must survive resumption");
        }
    }

    private static ClientTls caClient() {
        return TlsTestSupport.caClient(pki.caCert(), TlsProvider.OPENSSL);
    }

    /**
     * A server that, once a handshake is done, sends one byte. The client waits for that byte before
     * it closes: TLS 1.3 tickets follow the handshake, so a client that closed at once would have none.
     */
    private static final class TicketServer implements AutoCloseable {

        private final Channel channel;
        private volatile CompletableFuture<Optional<String>> serverView;

        TicketServer(ServerTls tls) {
            channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            SslHandler ssl = tls.newHandler(ch.alloc());
                            ch.pipeline().addLast(ssl, new ChannelInboundHandlerAdapter() {
                                @Override
                                public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                                    if (event instanceof SslHandshakeCompletionEvent done) {
                                        if (done.isSuccess()) {
                                            serverView.complete(PeerIdentity.clientCommonName(ssl.engine().getSession()));
                                            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'!'}));
                                        } else {
                                            serverView.completeExceptionally(done.cause());
                                            ctx.close();
                                        }
                                    }
                                }

                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                    ReferenceCountUtil.release(msg);
                                }

                                @Override
                                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                    ctx.close();
                                }
                            });
                        }
                    })
                    .bind("127.0.0.1", 0).syncUninterruptibly().channel();
        }

        Visit visit(ClientTls clientTls) {
            serverView = new CompletableFuture<>();
            int port = ((InetSocketAddress) channel.localAddress()).getPort();
            CompletableFuture<Boolean> resumed = new CompletableFuture<>();
            Channel client = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            SslHandler ssl = clientTls.newHandler(ch.alloc(), "localhost", port);
                            ch.pipeline().addLast(ssl, new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                    ((ByteBuf) msg).release();
                                    resumed.complete(sessionReused(ssl));
                                }

                                @Override
                                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                    resumed.completeExceptionally(cause);
                                    ctx.close();
                                }
                            });
                        }
                    })
                    .connect("127.0.0.1", port).syncUninterruptibly().channel();
            try {
                boolean wasResumed = resumed.get(TlsLoopback.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return new Visit(wasResumed, serverView.get(TlsLoopback.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new AssertionError("the visit did not complete: " + e, e);
            } finally {
                client.close().awaitUninterruptibly(TlsLoopback.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }

        private static boolean sessionReused(SslHandler ssl) {
            ReferenceCountedOpenSslEngine engine = (ReferenceCountedOpenSslEngine) ssl.engine();
            synchronized (engine) {
                return SSL.isSessionReused(engine.sslPointer());
            }
        }

        @Override
        public void close() {
            channel.close().awaitUninterruptibly(TlsLoopback.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
