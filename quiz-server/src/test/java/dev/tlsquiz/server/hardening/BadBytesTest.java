package dev.tlsquiz.server.hardening;

import dev.tlsquiz.server.QuizTestClient;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.SocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes that are not the protocol, from below TLS and inside it, and connections that end in the
 * middle of things: each is closed promptly, leaks nothing, and honest players playing at the
 * same time notice nothing.
 */
class BadBytesTest {

    /** Short, so the test of a stalled handshake is quick; still ample for a loopback handshake. */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(3);
    /** Far below every server timeout: a close this fast was a reaction to the bytes, not a timer. */
    private static final Duration PROMPTLY = Duration.ofMillis(2_500);

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static EventLoopGroup group;
    private static ClientTls tls;
    private static QuizServer server;
    private static ServerConfig config;
    private HonestPlayers honest;

    @BeforeAll
    static void startServer() throws Exception {
        pki = TestPki.create(dir);
        group = Loopback.newClientGroup();
        tls = Loopback.clientTls(pki);
        config = Loopback.config(pki)
                .timeouts(x -> x.withHandshakeTimeout(HANDSHAKE_TIMEOUT)
                        .withHelloTimeout(Duration.ofSeconds(20))).build();
        server = Loopback.start(config);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
        if (tls != null) {
            tls.close();
        }
        Loopback.shutdown(group);
    }

    @BeforeEach
    void startHonestPlayers() {
        honest = HonestPlayers.start(2, 2, group, tls, server.localAddress(), config);
    }

    @AfterEach
    void checkHonestPlayersAndServer() throws Exception {
        try {
            honest.assertAllCompleted(2);
        } finally {
            honest.close();
        }
        Loopback.awaitNoConnections(server);
        Loopback.assertNoLeakAndHeapBounded();
    }

    @Test
    void plaintextHttp_whenSentToTheTlsPort_thenClosedPromptly() throws Exception {
        try (Socket socket = rawSocket()) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            byte[] reply = readUntilClosed(socket);
            assertPrompt(started);
            assertTrue(reply.length < 64, "the server answered plaintext with " + reply.length + " bytes");
        }
    }

    @Test
    void clientHello_whenNothingFollows_thenClosedByTheHandshakeTimeout() throws Exception {
        try (Socket socket = rawSocket()) {
            socket.getOutputStream().write(clientHello());
            long started = System.nanoTime();
            readUntilClosed(socket);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(HANDSHAKE_TIMEOUT.minusMillis(500)) >= 0, "closed after " + took.toMillis() + " ms");
            assertTrue(took.compareTo(HANDSHAKE_TIMEOUT.plusSeconds(10)) < 0, "closed after " + took.toMillis() + " ms");
        }
    }

    @Test
    void halfClose_whenBeforeTheHandshake_thenClosedPromptly() throws Exception {
        try (Socket socket = rawSocket()) {
            socket.shutdownOutput();
            long started = System.nanoTime();
            readUntilClosed(socket);
            assertPrompt(started);
        }
    }

    @Test
    void randomBytes_whenSentInsideTlsAfterTheHandshake_thenDecodingErrorAndClose() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 30; i++) {
            try (QuizTestClient player = QuizTestClient.connect(group, tls, server.localAddress())) {
                player.sendRaw(Garbage.frame(random, i));
                ErrorMessage error = player.next(ErrorMessage.class);
                assertTrue(error.code() >= 1 && error.code() <= 15, "a decoding error code: " + error);
                player.assertClosedByServer();
            }
        }
    }

    @Test
    void randomBytes_whenSentBelowTlsAfterTheHandshake_thenClosedPromptly() throws Exception {
        try (QuizTestClient player = QuizTestClient.connect(group, tls, server.localAddress())) {
            byte[] garbage = new byte[200];
            new Random(11).nextBytes(garbage);
            // From the first handler's context: past the SslHandler, straight onto the socket.
            player.channel().pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(garbage));
            long started = System.nanoTime();
            player.assertClosedByServer();
            assertPrompt(started);
        }
    }

    @Test
    void reset_whenInTheMiddleOfAFrame_thenTheServerLetsGo() throws Exception {
        QuizTestClient player = QuizTestClient.connect(group, tls, server.localAddress());
        player.hello("resetter");
        Problem problem = player.next(Problem.class);
        byte[] frame = frameOf(new Answer(problem.problemId(), "123456"));
        player.sendRaw(Arrays.copyOf(frame, frame.length / 2));
        // SO_LINGER 0: the close is a TCP reset, with half a frame in the server's decoder.
        player.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        player.close();
        Loopback.awaitNoConnections(server);
    }

    @Test
    void halfClose_whenInTheMiddleOfASession_thenClosedPromptly() throws Exception {
        try (QuizTestClient player = QuizTestClient.connect(group, tls, server.localAddress())) {
            player.hello("half-closer");
            player.next(Problem.class);
            ((SocketChannel) player.channel()).shutdownOutput().syncUninterruptibly();
            long started = System.nanoTime();
            player.assertClosedByServer();
            assertPrompt(started);
        }
    }

    private static Socket rawSocket() throws IOException {
        Socket socket = new Socket();
        socket.connect(server.localAddress(), 10_000);
        socket.setSoTimeout((int) QuizTestClient.TIMEOUT.toMillis());
        return socket;
    }

    /** Reads until the server closes (EOF or reset); fails if it does not within the socket timeout. */
    private static byte[] readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + QuizTestClient.TIMEOUT, e);
        } catch (SocketException e) {
            // A reset is a close too.
        }
        return read.toByteArray();
    }

    private static void assertPrompt(long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        assertTrue(took.compareTo(PROMPTLY) < 0, "closed after " + took.toMillis() + " ms (expected: < "
                + PROMPTLY.toMillis() + " ms, before any timeout)");
    }

    /** The ClientHello the project's client sends, captured from an embedded channel. */
    private static byte[] clientHello() {
        InetSocketAddress address = server.localAddress();
        EmbeddedChannel client = new EmbeddedChannel(tls.newHandler(UnpooledByteBufAllocator.DEFAULT, "localhost",
                address.getPort()));
        try {
            ByteArrayOutputStream hello = new ByteArrayOutputStream();
            for (ByteBuf out; (out = client.readOutbound()) != null; ) {
                hello.writeBytes(ByteBufUtil.getBytes(out));
                out.release();
            }
            assertTrue(hello.size() > 0, "the client TLS handler wrote no ClientHello");
            return hello.toByteArray();
        } finally {
            client.finishAndReleaseAll();
        }
    }

    private static byte[] frameOf(QuizMessage message) {
        ByteBuf frame = QuizCodec.encode(UnpooledByteBufAllocator.DEFAULT, message);
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }
}
