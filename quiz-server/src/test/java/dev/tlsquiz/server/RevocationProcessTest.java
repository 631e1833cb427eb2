package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.cli.QuizServerMain;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.TlsProvider;
import dev.tlsquiz.tls.pki.DevPki;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * Revocation as an operator meets it: the real {@code quiz-server} in a child JVM with mutual TLS, and
 * {@code quiz-server certs revoke} run while it serves. A revoked player must be refused at their next
 * connection within the reload interval, and the server's log must say so, in every configuration
 * that accepts client certificates, on both TLS providers.
 */
class RevocationProcessTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) .*");
    /** The server checks its files every 2 s; a loaded 2-core machine gets a generous margin on top. */
    private static final long ENFORCED_WITHIN_SECONDS = 20;

    private static EventLoopGroup group;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    /** Own threads: the common pool may have a single thread on a 2-core machine, and these block. */
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "process-reader");
        thread.setDaemon(true);
        return thread;
    });

    @BeforeAll
    static void startGroup() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
        readers.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void revoke_whenServingWithExplicitClientCa_thenRevokedPlayerIsRefusedAndLogged(TlsProvider provider)
            throws Exception {
        DevPki pki = pkiWithAda();
        int port = serve(provider, "--client-auth", "require", "--client-ca", "certs/ca.pem");
        awaitLog("revocation: certs/crl.pem (0 revoked)");
        revokeAdaAndExpectRefusal(pki, port);
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void revoke_whenServingOwnCertificateWithoutCrlYet_thenCreatedCrlIsPickedUp(TlsProvider provider)
            throws Exception {
        DevPki pki = pkiWithAda();
        Files.delete(pki.crl());

        int port = serve(provider, "--cert", "certs/server.pem", "--key", "certs/server.key",
                "--client-auth", "require");
        awaitLog("revocation: certs/crl.pem (not present yet; watched)");
        revokeAdaAndExpectRefusal(pki, port);
    }

    private void revokeAdaAndExpectRefusal(DevPki pki, int port) throws Exception {
        ClientTlsConfig ada = new ClientTlsConfig(new ClientTrust.CaFile(pki.caCertificate()),
                pki.clientCertificate("ada"), pki.clientKey("ada"), TlsProvider.AUTO, TlsProfile.MODERN,
                Protocol.ALPN_ID);
        try (ClientTls tls = ClientTls.create(ada)) {
            Welcome welcome = assertInstanceOf(Welcome.class, hello(tls, port), this::stderr);
            assertEquals("ada", welcome.playerName());

            String revoked = certs("revoke", "ada");
            assertTrue(revoked.contains("now lists 1 revoked certificate,"), revoked);
            long revokedAt = System.nanoTime();
            Object outcome = hello(tls, port);
            while (outcome instanceof Welcome) {
                if (System.nanoTime() - revokedAt > TimeUnit.SECONDS.toNanos(ENFORCED_WITHIN_SECONDS)) {
                    fail("ada still plays " + ENFORCED_WITHIN_SECONDS + " s after certs revoke; server log:\n" + stderr());
                }
                outcome = hello(tls, port);
            }
            assertInstanceOf(Throwable.class, outcome, this::stderr);
        }
        awaitLog("CRL reloaded: certs/crl.pem (1 revoked)");
        awaitLog(": TLS handshake failed: revoked client certificate: CN=ada serial ");
    }

    /** {@code certs init} and {@code certs client ada}, as an operator sets up mutual TLS. */
    private DevPki pkiWithAda() {
        certs("init");
        certs("client", "ada");
        return DevPki.in(dir.resolve("certs"));
    }

    /** Runs {@code quiz-server certs ...} in this folder as an operator would, and returns what it printed. */
    private String certs(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("certs", command, "--certs-dir", dir.resolve("certs").toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = QuizServerMain.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        assertEquals(0, exitCode, () -> String.join(" ", all) + ": " + err);
        return out.toString();
    }

    /** Starts {@code quiz-server serve} in a child JVM in this folder and returns the port it listens on. */
    private int serve(TlsProvider provider, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), QuizServerMain.class.getName(),
                "serve", "--port", "0", "--certs-dir", "certs",
                "--tls-provider", provider.name().toLowerCase(java.util.Locale.ROOT)));
        command.addAll(List.of(options));
        // Standard error goes to a file: reading a pipe while the process exits can fail with "Stream closed".
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        processes.add(process);
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> readLine(stdout), readers).get(60, TimeUnit.SECONDS);
        Matcher listening = LISTENING.matcher(String.valueOf(line));
        assertTrue(listening.matches(), () -> "first line: " + line + "; stderr: " + stderr());
        return Integer.parseInt(listening.group(1));
    }

    /**
     * Connects with {@code tls}, sends HELLO and returns the first thing that comes back: the WELCOME, or
     * the failure the client saw (under TLS 1.3 a refused client certificate arrives as an alert after
     * the client's side of the handshake finished).
     */
    private static Object hello(ClientTls tls, int port) throws InterruptedException {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc(), "localhost", port));
                        QuizCodec.install(ch.pipeline(), Side.CLIENT, CodecLimits.DEFAULT);
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<QuizMessage>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
                                events.add(message);
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                events.add(cause);
                                ctx.close();
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                events.add(new ClosedChannelException());
                            }
                        });
                    }
                });
        Channel channel = bootstrap.connect("127.0.0.1", port).syncUninterruptibly().channel();
        try {
            Future<Channel> handshake = channel.pipeline().get(SslHandler.class).handshakeFuture();
            assertTrue(handshake.await(QuizTestClient.TIMEOUT.toMillis()), "TLS handshake timed out");
            if (!handshake.isSuccess()) {
                return handshake.cause();
            }
            channel.writeAndFlush(Hello.of("ada"));
            Object first = events.poll(QuizTestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(first != null, "neither WELCOME nor a refusal within " + QuizTestClient.TIMEOUT);
            return first;
        } finally {
            channel.close().awaitUninterruptibly(QuizTestClient.TIMEOUT.toMillis());
        }
    }

    private void awaitLog(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ENFORCED_WITHIN_SECONDS);
        Object monitor = new Object();
        while (!stderr().contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("the server log does not say '" + text + "':\n" + stderr());
            }
            synchronized (monitor) {
                monitor.wait(50);
            }
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String stderr() {
        try {
            return Files.readString(dir.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
