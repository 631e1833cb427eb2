package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code quiz-server} main class in a child JVM: start, play, SIGTERM, exit status. */
class QuizServerProcessTest {

    private static final Pattern LISTENING = Pattern.compile(
            "listening on 127\\.0\\.0\\.1:(\\d+) \\(TLS 1\\.3, [^,]+, certificate SHA256:[0-9a-f]{64}\\)");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    /** Own threads: the common pool may have a single thread on a 2-core machine, and these block. */
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "process-reader");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
        readers.shutdownNow();
    }

    @Test
    void serve_whenSentSigterm_thenShutsDownAndExitsZero() throws Exception {
        Path certs = dir.resolve("certs");
        Process process = start("serve", "--port", "0", "--certs-dir", certs.toString(), "--rounds", "2",
                "--seed", Long.toString(TestServers.SEED));
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> readLine(stdout), readers).get(60, TimeUnit.SECONDS);
        Matcher listening = LISTENING.matcher(String.valueOf(line));
        assertTrue(listening.matches(), () -> "first line: " + line + "; stderr: " + stderr());
        int port = Integer.parseInt(listening.group(1));

        ServerConfig config = TestServers.config().rounds(2).seed(TestServers.SEED)
                .operations(java.util.EnumSet.of(dev.tlsquiz.server.quiz.Operation.ADD)).build();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ClientTls tls = ClientTls.create(ClientTlsConfig.of(new ClientTrust.CaFile(certs.resolve("ca.pem"))));
             QuizTestClient client = QuizTestClient.connect(group, tls, new InetSocketAddress("127.0.0.1", port))) {
            TestServers.playCorrectly(client, config, "process");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }

        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not stop within 30 s of SIGTERM");
        assertEquals(0, process.exitValue(), () -> "stderr: " + stderr());
        assertTrue(stderr().contains("shutting down"), this::stderr);
        assertTrue(Files.exists(certs.resolve("server.key")), "the development PKI was created");
    }

    @Test
    void serve_whenAnOperationIsUnknown_thenExitsTwoWithOneClearLine() throws Exception {
        Process process = start("--ops", "add,pow", "--port", "0");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        String message = stderr();
        assertTrue(message.contains("invalid value for --ops: 'pow' (expected: add, sub, mul, div)"), message);
        assertEquals(1, message.strip().lines().count(), message);
    }

    @Test
    void serve_whenTheKeyIsGroupReadable_thenExitsOneWithTheChmodFix() throws Exception {
        TestPki pki = TestPki.create(dir);
        Files.setPosixFilePermissions(pki.serverKey(), PosixFilePermissions.fromString("rw-r-----"));
        Process process = start("--port", "0", "--cert", pki.serverCert().toString(),
                "--key", pki.serverKey().toString());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        String message = stderr();
        assertTrue(message.contains("chmod 600"), message);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(QuizServerMain.class.getName());
        command.addAll(List.of(args));
        // Standard error goes to a file: reading a pipe while the process exits can fail with "Stream closed".
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        processes.add(process);
        return process;
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
