package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.server.cli.QuizServerMain;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.SubjectAltNames;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
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

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.[12]:(\\d+) \\(TLS 1\\.3, [^,]+,"
            + " certificate SHA256:[0-9a-f]{64}, key pin (SHA256:[0-9a-f]{64})\\)");

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
        Matcher listening = listening(process);
        int port = Integer.parseInt(listening.group(1));
        assertEquals(Fingerprints.publicKeyPin(Pem.readCertificate(certs.resolve("server.pem"))), listening.group(2),
                "the start-up line names the key pin that --pin takes");

        ServerConfig config = TestServers.config()
                .game(x -> x.withRounds(2).withSeed(TestServers.SEED)
                        .withOperations(java.util.EnumSet.of(dev.tlsquiz.server.quiz.Operation.ADD))).build();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ClientTls tls = ClientTls.create(ClientTlsConfig.of(new ClientTrust.CaFile(certs.resolve("ca.pem")),
                Protocol.ALPN_ID));
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
    void serve_whenASecondServerOnTheFolderBindsElsewhere_thenTheKeyStaysTheSame() throws Exception {
        Path certs = dir.resolve("certs");
        Matcher first = listening(start("serve", "--port", "0", "--certs-dir", certs.toString()));
        String pin = first.group(2);

        Matcher second = listening(start("serve", "--port", "0", "--bind", "127.0.0.2", "--certs-dir",
                certs.toString()));

        X509Certificate reissued = Pem.readCertificate(certs.resolve("server.pem"));
        assertTrue(SubjectAltNames.hostNames(reissued).contains("127.0.0.2"), reissued::toString);
        assertEquals(pin, second.group(2), "the second server re-issued the certificate for the same key");
        assertEquals(pin, Fingerprints.publicKeyPin(reissued));
        // The first server reloads the re-issued certificate; a player who pinned its key still gets in.
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ClientTls tls = ClientTls.create(ClientTlsConfig.of(new ClientTrust.Pin(pin), Protocol.ALPN_ID));
             QuizTestClient client = QuizTestClient.connect(group, tls,
                     new InetSocketAddress("127.0.0.1", Integer.parseInt(first.group(1))))) {
            assertEquals("pinned", client.hello("pinned", 1).playerName());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void certsServer_whenAnotherProcessHoldsTheFolderLock_thenWaitsForItThenIssues() throws Exception {
        Path certs = dir.resolve("certs");
        DevPki.in(certs).init(List.of("localhost"), Duration.ofDays(30), Duration.ofDays(30));
        X509Certificate before = Pem.readCertificate(certs.resolve("server.pem"));
        Process process;
        try (FileChannel channel = FileChannel.open(certs.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            process = startMerged("certs", "server", "--san", "quiz.test", "--certs-dir", certs.toString());
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String waiting = CompletableFuture.supplyAsync(() -> readLineContaining(output, "waiting"), readers)
                    .get(60, TimeUnit.SECONDS);
            assertTrue(waiting.contains(certs.toString()), waiting);
            assertTrue(process.isAlive(), "the command waits while the lock is held");
            assertEquals(before, Pem.readCertificate(certs.resolve("server.pem")), "nothing changed while locked");
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command finishes once the lock is released");
        assertEquals(0, process.exitValue());
        assertEquals(List.of("quiz.test"), SubjectAltNames.hostNames(Pem.readCertificate(certs.resolve("server.pem"))));
    }

    @Test
    void serve_whenAnOperationIsUnknown_thenExitsTwoWithOneClearLine() throws Exception {
        Process process = start("--ops", "add,pow", "--port", "0");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        String message = stderr();
        assertTrue(message.contains("invalid value for --ops: 'pow' (expected: add, sub, mul or div)"), message);
        assertEquals(1, message.strip().lines().count(), message);
    }

    @Test
    void serve_whenABankIsInvalidOrHostile_thenExitsTwoWithTheLinesOfBankCheck() throws Exception {
        Files.writeString(dir.resolve("bad.gift"), "Fine? {=yes}\n\nUnclosed? {=no\n\nNo right answer? {~a ~b}\n");
        // A text holding an escape sequence that would clear the operator's screen.
        Files.writeString(dir.resolve("hostile.gift"), "Clear \u001b[2J? {=x}\n");
        Process process = start("--port", "0", "--bank", "bad.gift", "--bank", "hostile.gift");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        String message = stderr();

        java.io.StringWriter checked = new java.io.StringWriter();
        picocli.CommandLine check = QuizServerMain.newCommandLine();
        check.setOut(new java.io.PrintWriter(checked, true));
        assertEquals(1, check.execute("bank", "check", dir.resolve("bad.gift").toString(),
                dir.resolve("hostile.gift").toString()));
        String prefix = dir.toString() + java.io.File.separator;
        List<String> checkLines = checked.toString().lines()
                .filter(line -> line.matches(".*\\.gift:\\d+:\\d+: .*|.*\\.gift: invalid.*"))
                .map(line -> line.replace(prefix, "")).toList();
        assertEquals(5, checkLines.size(), checked.toString());
        for (String line : checkLines) {
            assertTrue(message.contains(line + "\n"), () -> line + " not in: " + message);
        }
        assertTrue(message.contains("hostile.gift:1:7: "), message);
        assertTrue(!message.contains("\u001b"), "the escape reaches the terminal escaped: " + message);
        assertTrue(message.contains("quiz-server: cannot serve the question banks"), message);
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
        // Standard error goes to a file: reading a pipe while the process exits can fail with "Stream closed".
        return launch(new ProcessBuilder(command(args)).redirectError(dir.resolve("stderr.txt").toFile()));
    }

    /** A process whose standard error is merged into its standard output, to read both in order. */
    private Process startMerged(String... args) throws IOException {
        return launch(new ProcessBuilder(command(args)).redirectErrorStream(true));
    }

    private Process launch(ProcessBuilder builder) throws IOException {
        Process process = builder.directory(dir.toFile()).start();
        processes.add(process);
        return process;
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(QuizServerMain.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** The listening line of a server process that just started; fails after 60 s. */
    private Matcher listening(Process process) throws Exception {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> readLine(stdout), readers).get(60, TimeUnit.SECONDS);
        Matcher listening = LISTENING.matcher(String.valueOf(line));
        assertTrue(listening.matches(), () -> "first line: " + line + "; stderr: " + stderr());
        return listening;
    }

    private static String readLineContaining(BufferedReader reader, String text) {
        try {
            List<String> seen = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.contains(text)) {
                    return line;
                }
                seen.add(line);
            }
            throw new AssertionError("the output ended without a line containing '" + text + "': " + seen);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
