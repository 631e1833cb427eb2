package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.NegotiatedVersion;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.codec.CodecLimits;
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
 * A blocking test client: real TLS with the project's client context, the real codec, and a queue
 * of everything the server sends. Raw frames can be written past the encoder to commit protocol
 * violations the encoder would never produce.
 */
public final class QuizTestClient implements AutoCloseable {

    /** Long enough for a loaded 2-core machine; tests normally see answers in milliseconds. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Channel channel;
    private final BlockingQueue<Object> received;

    private QuizTestClient(Channel channel, BlockingQueue<Object> received) {
        this.channel = channel;
        this.received = received;
    }

    /** Connects to {@code server} as host {@code localhost} and waits for the TLS handshake. */
    public static QuizTestClient connect(EventLoopGroup group, ClientTls tls, InetSocketAddress server)
            throws InterruptedException {
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
                                if (msg instanceof Welcome welcome) {
                                    // As a real client does: on the event loop, before the next frame is read.
                                    NegotiatedVersion.set(ctx.channel(), welcome.version());
                                }
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
        return new QuizTestClient(channel, received);
    }

    /** The connection, for tests that need to write below the codec or watch it close. */
    public Channel channel() {
        return channel;
    }

    public void send(QuizMessage message) {
        channel.writeAndFlush(message).syncUninterruptibly();
    }

    /** Writes bytes as they are, past the encoder, inside TLS. */
    public void sendRaw(byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
    }

    /** The next message from the server; fails after {@link #TIMEOUT}. */
    public QuizMessage next() throws InterruptedException {
        Object next = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(next, "no message from the server within " + TIMEOUT);
        if (next instanceof Throwable failure) {
            throw new AssertionError("client pipeline failed: " + failure, failure);
        }
        return (QuizMessage) next;
    }

    /** Every message received and not yet taken, without waiting. */
    public java.util.List<Object> drainNow() {
        java.util.List<Object> drained = new java.util.ArrayList<>();
        received.drainTo(drained);
        return drained;
    }

    /** The next message, which must be of {@code type}. */
    public <T extends QuizMessage> T next(Class<T> type) throws InterruptedException {
        return assertInstanceOf(type, next());
    }

    /** Sends HELLO for the current version, leaving the rounds to the server, and returns the WELCOME. */
    public Welcome hello(String name) throws InterruptedException {
        return hello(name, Hello.SERVER_DEFAULT_ROUNDS);
    }

    /** Sends HELLO for the current version and returns the WELCOME. */
    public Welcome hello(String name, int rounds) throws InterruptedException {
        return hello(dev.tlsquiz.codec.Protocol.VERSION, name, rounds);
    }

    /** Sends HELLO for {@code version} and returns the WELCOME; the connection then speaks its version. */
    public Welcome hello(int version, String name, int rounds) throws InterruptedException {
        send(new Hello(version, name, rounds));
        return next(Welcome.class);
    }

    /** The next message must be an ERROR with {@code code}, after which the server closes. */
    public ErrorMessage expectErrorAndClose(ErrorCode code) throws InterruptedException {
        ErrorMessage error = next(ErrorMessage.class);
        assertEquals(code.code(), error.code(), () -> "expected " + code + " but got " + error);
        assertClosedByServer();
        return error;
    }

    /** The server closes the connection within {@link #TIMEOUT}. */
    public void assertClosedByServer() {
        assertTrue(channel.closeFuture().awaitUninterruptibly(TIMEOUT.toMillis()),
                "the server did not close the connection");
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(TIMEOUT.toMillis());
    }
}
