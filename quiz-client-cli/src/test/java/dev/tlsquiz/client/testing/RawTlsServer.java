package dev.tlsquiz.client.testing;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A misbehaving server for the client's failure paths: real TLS with the test PKI's server
 * certificate, then either bytes that are no tlsquiz frame, a session that is cut off after
 * the first problem, or whatever a test's own session handler sends ({@link #speaking}).
 */
public final class RawTlsServer implements AutoCloseable {

    /** What the server does after the TLS handshake. */
    public enum Behavior {
        /** Sends a frame of an unknown message type. */
        GARBAGE,
        /** Answers HELLO with WELCOME and one PROBLEM, then closes without a SUMMARY. */
        CLOSE_AFTER_FIRST_PROBLEM
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ServerTls tls;
    private final Channel serverChannel;

    public RawTlsServer(TestPki pki, Behavior behavior) throws Exception {
        this(pki, behavior == Behavior.GARBAGE, CloseAfterFirstProblem::new);
    }

    /**
     * A server that speaks the protocol through the real codec, with a new {@code session} handler per
     * connection deciding what to send.
     */
    public static RawTlsServer speaking(TestPki pki, Supplier<ChannelHandler> session) throws Exception {
        return new RawTlsServer(pki, false, session);
    }

    private RawTlsServer(TestPki pki, boolean garbage, Supplier<ChannelHandler> session) throws Exception {
        tls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey()));
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        if (garbage) {
                            ch.pipeline().addLast(new GarbageAfterHandshake());
                        } else {
                            QuizCodec.install(ch.pipeline(), Side.SERVER, CodecLimits.DEFAULT);
                            ch.pipeline().addLast(session.get());
                        }
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(5_000);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10_000);
        tls.close();
    }

    private static final class GarbageAfterHandshake extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof SslHandshakeCompletionEvent completion && completion.isSuccess()) {
                // Length 1, then type byte 0xEE, which no message type owns.
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, (byte) 0xEE}));
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    private static final class CloseAfterFirstProblem extends SimpleChannelInboundHandler<QuizMessage> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
            if (message instanceof Hello hello) {
                ctx.write(new Welcome(Protocol.VERSION, 7, 3, 30_000, hello.playerName(), "raw-test"));
                ctx.writeAndFlush(new Problem(1, 1, 3, 30_000, "1 + 1"))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
