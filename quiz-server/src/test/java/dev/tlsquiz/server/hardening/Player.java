package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.tls.ClientTls;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A blocking test client over real TLS with the project's client context and codec: what a
 * player's program does, one call per step, plus raw writes for abuse the encoder would refuse.
 */
final class Player implements AutoCloseable {

    /** Generous for a loaded 2-core machine; the steps normally take milliseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Channel channel;
    private final BlockingQueue<Object> received;

    private Player(Channel channel, BlockingQueue<Object> received) {
        this.channel = channel;
        this.received = received;
    }

    /** Connects to {@code server} as {@code localhost} and waits for the TLS handshake. */
    static Player connect(EventLoopGroup group, ClientTls tls, InetSocketAddress server) throws InterruptedException {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("ssl", tls.newHandler(ch.alloc(), "localhost", server.getPort()));
                        QuizCodec.install(ch.pipeline(), Side.CLIENT, CodecLimits.DEFAULT);
                        ch.pipeline().addLast("collect", new SimpleChannelInboundHandler<QuizMessage>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, QuizMessage msg) {
                                received.add(msg);
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                received.add(cause);
                                ctx.close();
                            }
                        });
                    }
                });
        ChannelFuture connected = bootstrap.connect(server);
        assertTrue(connected.await(TIMEOUT.toMillis()), "connect timed out");
        if (!connected.isSuccess()) {
            throw new AssertionError("connect failed: " + connected.cause(), connected.cause());
        }
        Channel channel = connected.channel();
        var handshake = channel.pipeline().get(SslHandler.class).handshakeFuture();
        assertTrue(handshake.await(TIMEOUT.toMillis()), "TLS handshake timed out");
        if (!handshake.isSuccess()) {
            channel.close();
            throw new AssertionError("TLS handshake failed: " + handshake.cause(), handshake.cause());
        }
        return new Player(channel, received);
    }

    Channel channel() {
        return channel;
    }

    void send(QuizMessage message) {
        channel.writeAndFlush(message).syncUninterruptibly();
    }

    /** Writes bytes as they are, past the encoder, inside TLS. */
    void sendRaw(byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
    }

    /** The next message from the server; fails after {@link #TIMEOUT}. */
    QuizMessage next() throws InterruptedException {
        Object next = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(next, "no message from the server within " + TIMEOUT);
        if (next instanceof Throwable failure) {
            throw new AssertionError("client pipeline failed: " + failure, failure);
        }
        return (QuizMessage) next;
    }

    <T extends QuizMessage> T next(Class<T> type) throws InterruptedException {
        return assertInstanceOf(type, next());
    }

    Welcome hello(String name) throws InterruptedException {
        send(new Hello(Protocol.VERSION, name, 0));
        return next(Welcome.class);
    }

    /** The next message is an ERROR with {@code code}, and then the server closes. */
    ErrorMessage expectErrorAndClose(ErrorCode code) throws InterruptedException {
        ErrorMessage error = next(ErrorMessage.class);
        assertEquals(code.code(), error.code(), () -> "expected " + code + " but got " + error);
        assertClosedByServer();
        return error;
    }

    void assertClosedByServer() {
        assertTrue(channel.closeFuture().awaitUninterruptibly(TIMEOUT.toMillis()),
                "the server did not close the connection");
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(TIMEOUT.toMillis());
    }
}
