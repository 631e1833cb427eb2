package dev.tlsquiz.client.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.QuizMain;
import dev.tlsquiz.codec.testing.LeakCheckExtension;
import dev.tlsquiz.server.cli.QuizServerMain;
import dev.tlsquiz.tls.testing.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with {@code kill -9} in the middle of a session, with the real {@code quiz}
 * client and the real {@code quiz-server}, each in its own JVM: the client reports the lost
 * connection and exits non-zero well within the server's idle timeout instead of hanging, and a
 * server restarted on the same port serves again at once.
 */
class ServerKilledTest {

    /** The server's idle timeout: the client must give up long before anything like it. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void kill9_whenMidSession_thenClientReportsAndExitsNonZeroAndARestartedServerServesAtOnce() throws Exception {
        TestPki pki = TestPki.create(dir);
        int port = freePort();
        Process server = startServer(pki, port, "first");
        Process client = null;
        try {
            Path clientOut = dir.resolve("client.out");
            Path clientErr = dir.resolve("client.err");
            client = java(QuizMain.class, clientArgs(pki, port, "--output", "json"), clientOut, clientErr);
            // Interactive, and no answer comes: the session waits on the first problem.
            awaitOutput(clientOut, "\"type\":\"problem\"", STARTUP, client);

            server.destroyForcibly();
            assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the server JVM did not die");
            long killed = System.nanoTime();

            boolean exited = client.waitFor(IDLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - killed);
            String err = Files.readString(clientErr, StandardCharsets.UTF_8);
            assertTrue(exited, "the client still runs " + IDLE_TIMEOUT + " after the server died\n" + err);
            assertEquals(ExitCodes.PROTOCOL_ERROR, client.exitValue(), err);
            assertTrue(err.contains("closed the connection"), "the client's report: " + err);
            assertTrue(err.strip().lines().count() <= 2, "one line, no stack trace: " + err);
            assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "the client took " + took.toMillis() + " ms");

            // Same port, at once: nothing of the dead server may block the new one.
            server = startServer(pki, port, "second");
            Process again = java(QuizMain.class, clientArgs(pki, port, "--auto"), dir.resolve("again.out"),
                    dir.resolve("again.err"));
            assertTrue(again.waitFor(60, TimeUnit.SECONDS), "the client against the restarted server hangs");
            assertEquals(ExitCodes.OK, again.exitValue(), Files.readString(dir.resolve("again.err")));
        } finally {
            if (client != null) {
                client.destroyForcibly();
            }
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        LeakCheckExtension.collectLeaks();
    }

    private Process startServer(TestPki pki, int port, String name) throws Exception {
        Path out = dir.resolve("server-" + name + ".out");
        Process server = java(QuizServerMain.class, List.of("serve", "--bind", "127.0.0.1", "--port",
                Integer.toString(port), "--certs-dir", dir.toString(), "--cert", pki.serverCert().toString(),
                "--key", pki.serverKey().toString(), "--rounds", "3", "--time-limit", "30s",
                "--idle-timeout", IDLE_TIMEOUT.toSeconds() + "s"), out, dir.resolve("server-" + name + ".err"));
        awaitOutput(out, "listening on", STARTUP, server);
        return server;
    }

    private List<String> clientArgs(TestPki pki, int port, String... extra) {
        List<String> args = new ArrayList<>(List.of("play", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--cafile", pki.caCert().toString(), "--known-hosts", dir.resolve("known_hosts").toString(),
                "--name", "survivor"));
        args.addAll(List.of(extra));
        return args;
    }

    /** Starts {@code main} in a new JVM with this test's class path; stdin stays open (a pipe). */
    private static Process java(Class<?> main, List<String> args, Path out, Path err) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // Held open but never written: an interactive player who has not answered yet.
        OutputStream stdin = process.getOutputStream();
        stdin.flush();
        return process;
    }

    /** Polls {@code file} until it contains {@code text}; fails if the process dies or time runs out. */
    private static void awaitOutput(Path file, String text, Duration timeout, Process process) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
            if (!process.isAlive()) {
                fail("the process exited (" + process.exitValue() + ") before printing '" + text + "': "
                        + Files.readString(file, StandardCharsets.UTF_8));
            }
            if (System.nanoTime() - deadline > 0) {
                fail("no '" + text + "' within " + timeout + ": " + Files.readString(file, StandardCharsets.UTF_8));
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
