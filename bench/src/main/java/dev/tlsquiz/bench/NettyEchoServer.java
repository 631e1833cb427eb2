package dev.tlsquiz.bench;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizFrameDecoder;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.TlsProvider;
import dev.tlsquiz.tls.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The floor of this stack: the same TLS ({@link ServerTls}, ALPN {@code tlsquiz/1}) and the same
 * framing ({@link QuizFrameDecoder}, 16 KiB limit) as the quiz server, and no quiz at all: every
 * frame goes back as it came. {@code quiz bench --peer echo} sends ANSWER frames to it, so the gap
 * between this and the quiz server is what the codec and the session cost.
 *
 * <p>Writes are flushed once per read batch (on read complete), so a batch of frames leaves in as
 * few TLS records as possible.
 *
 * <pre>
 * java -cp bench-peers-all.jar dev.tlsquiz.bench.NettyEchoServer --cert certs/server.pem \
 *      --key certs/server.key [--host 127.0.0.1] [--port 0] [--tls-provider auto|openssl|jdk]
 *      [--transport auto|epoll|nio] [--threads N]
 * </pre>
 * It prints {@code listening on HOST:PORT (...)} once it accepts connections, and stops on SIGTERM.
 */
public final class NettyEchoServer implements AutoCloseable {

    private final ServerTls tls;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final Transport transport;

    private NettyEchoServer(ServerTls tls, EventLoopGroup acceptor, EventLoopGroup workers, Channel serverChannel,
                            Transport transport) {
        this.tls = tls;
        this.acceptor = acceptor;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.transport = transport;
    }

    /**
     * Opens TLS and binds.
     *
     * @param transport the I/O transport ({@code --transport})
     * @param threads   worker event loops; 0 for Netty's default (twice the CPUs)
     * @throws IOException when the certificate or key cannot be read, or the address cannot be bound
     */
    public static NettyEchoServer start(Path cert, Path key, TlsProvider provider, String host, int port,
                                        Transport transport, int threads) throws IOException {
        Transport resolved;
        try {
            resolved = transport.resolve();
        } catch (IllegalArgumentException noEpoll) {
            throw new IOException(noEpoll.getMessage(), noEpoll);
        }
        ServerTls tls = ServerTls.open(ServerTlsConfig.of(cert, key, Protocol.ALPN_ID).withProvider(provider));
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
                resolved.ioHandlerFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(threads,
                resolved.ioHandlerFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(resolved.serverSocketChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        // The quiz server's order: TLS, then bounded framing; then the echo instead of a session.
                        channel.pipeline().addLast(PipelineNames.SSL, tls.newHandler(channel.alloc()));
                        channel.pipeline().addLast(PipelineNames.FRAME_DECODER, new QuizFrameDecoder(CodecLimits.DEFAULT));
                        channel.pipeline().addLast(PipelineNames.SESSION, EchoHandler.INSTANCE);
                    }
                });
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(host, port)).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            tls.close();
            throw new IOException("cannot listen on " + host + ":" + port + ": " + bound.cause().getMessage()
                    + "; pass a free --port (0 picks one)", bound.cause());
        }
        return new NettyEchoServer(tls, acceptor, workers, bound.channel(), resolved);
    }

    /** The address bound, with the actual port. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** {@code listening on HOST:PORT (...)}, the line scripts wait for. */
    public String listeningLine() {
        InetSocketAddress local = localAddress();
        return String.format(Locale.ROOT, "listening on %s:%d (TLS 1.3, %s, %s, echo)",
                local.getAddress().getHostAddress(), local.getPort(), tls.providerName(), transport.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        tls.close();
    }

    public static void main(String[] args) {
        PeerArgs parsed;
        try {
            parsed = PeerArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("echo peer: " + e.getMessage());
            System.err.println("usage: NettyEchoServer --cert FILE --key FILE [--host 127.0.0.1] [--port 0]"
                    + " [--tls-provider auto|openssl|jdk] [--transport auto|epoll|nio] [--threads N]");
            System.exit(2);
            return;
        }
        NettyEchoServer server;
        try {
            server = start(parsed.cert(), parsed.key(), parsed.provider(), parsed.host(), parsed.port(),
                    parsed.transport(), parsed.threads());
        } catch (IOException | RuntimeException e) {
            System.err.println("echo peer: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "echo-shutdown"));
        System.out.println(server.listeningLine());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes every frame back with its length prefix; flushes once per read batch. */
    @Sharable
    static final class EchoHandler extends ChannelInboundHandlerAdapter {

        static final EchoHandler INSTANCE = new EchoHandler();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            try {
                ByteBuf out = ctx.alloc().buffer(4 + frame.readableBytes());
                out.writeInt(frame.readableBytes());
                out.writeBytes(frame);
                ctx.write(out, ctx.voidPromise());
            } finally {
                frame.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A benchmark peer: resets, bad frames and TLS failures just end the connection.
            ctx.close();
        }
    }
}
