package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.testing.LeakCheckExtension;
import dev.tlsquiz.server.Conditions;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.server.ServerStartException;
import dev.tlsquiz.server.quiz.Operation;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What the hardening tests share: a seeded server configuration on a free loopback port, client
 * TLS that trusts the test CA, plain TCP connections for abuse below TLS, and the checks every
 * test ends with (nothing leaked, the heap bounded, all connections gone).
 */
final class Loopback {

    /** A generous bound on the used heap after a GC: the whole test JVM, server and clients. */
    static final long HEAP_BOUND_BYTES = 256L * 1024 * 1024;

    /** Drops whatever a raw connection receives; resets are what these connections are for. */
    private static final ChannelInboundHandlerAdapter DROP_ALL = new DropAll();

    private Loopback() {
    }

    /** Port 0, a fixed seed, 3 rounds, timeouts generous enough for honest players on a loaded machine. */
    static ServerConfig.Builder config(TestPki pki) {
        return ServerConfig.builder()
                .listening(x -> x.withPort(0))
                .tls(x -> x.withCertificate(pki.serverCert(), pki.serverKey()))
                .game(x -> x.withSeed(42).withOperations(EnumSet.allOf(Operation.class)).withRounds(3)
                .withTimeLimit(Duration.ofSeconds(20)))
                .timeouts(x -> x.withIdleTimeout(Duration.ofSeconds(30)).withShutdownGrace(Duration.ZERO));
    }

    static QuizServer start(ServerConfig config) throws ServerStartException {
        return QuizServer.builder(config).start();
    }

    static EventLoopGroup newClientGroup() {
        return new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    static void shutdown(EventLoopGroup group) {
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    static ClientTls clientTls(TestPki pki) {
        try {
            return ClientTls.create(ClientTlsConfig.of(new ClientTrust.CaFile(pki.caCert()), Protocol.ALPN_ID));
        } catch (IOException e) {
            throw new AssertionError("cannot create the client TLS context", e);
        }
    }

    /**
     * Opens {@code count} plain TCP connections (no TLS) from {@code localAddress} (null: any),
     * whose inbound bytes are dropped. Each future completes when the connect attempt does.
     */
    static List<ChannelFuture> openRaw(EventLoopGroup group, InetSocketAddress server, String localAddress, int count) {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 20_000)
                .handler(DROP_ALL);
        List<ChannelFuture> connects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            connects.add(localAddress == null ? bootstrap.connect(server)
                    : bootstrap.connect(server, new InetSocketAddress(localAddress, 0)));
        }
        return connects;
    }

    /** Waits until every connect attempt is done and returns the channels; fails if one did not connect. */
    static List<Channel> connected(List<ChannelFuture> connects) {
        List<Channel> channels = new ArrayList<>();
        for (ChannelFuture connect : connects) {
            assertTrue(connect.awaitUninterruptibly(20_000), "connect timed out");
            if (connect.isSuccess()) {
                channels.add(connect.channel());
            } else {
                throw new AssertionError("connect failed: " + connect.cause(), connect.cause());
            }
        }
        return channels;
    }

    /** Waits until every connect attempt is done and returns the channels that connected, ignoring failures. */
    static List<Channel> settled(List<ChannelFuture> connects) {
        List<Channel> channels = new ArrayList<>();
        for (ChannelFuture connect : connects) {
            assertTrue(connect.awaitUninterruptibly(20_000), "connect timed out");
            if (connect.isSuccess()) {
                channels.add(connect.channel());
            }
        }
        return channels;
    }

    static long countOpen(List<Channel> channels) {
        return channels.stream().filter(Channel::isActive).count();
    }

    /** Polls {@code condition} every 20 ms until it holds, failing after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Conditions.await(what, timeout, condition);
    }

    /** The server ends up holding no connection at all. */
    static void awaitNoConnections(QuizServer server) throws InterruptedException {
        await("the server to hold no connections (has " + server.connectedSessions() + ")", Duration.ofSeconds(20),
                () -> server.connectedSessions() == 0);
    }

    /**
     * The checks that end every abuse test: the leak detector has nothing to report (the
     * auto-registered {@link LeakCheckExtension} fails the test after this collection), and the
     * used heap after a GC is below {@link #HEAP_BOUND_BYTES}.
     */
    static void assertNoLeakAndHeapBounded() {
        LeakCheckExtension.collectLeaks();
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        assertTrue(used < HEAP_BOUND_BYTES, "used heap after GC: " + used / (1024 * 1024) + " MiB (expected: < "
                + HEAP_BOUND_BYTES / (1024 * 1024) + " MiB)");
    }

    @Sharable
    private static final class DropAll extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
