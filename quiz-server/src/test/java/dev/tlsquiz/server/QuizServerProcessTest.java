package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.server.certs.InstalledCommands;
import dev.tlsquiz.server.cli.QuizServerMain;
import dev.tlsquiz.server.cli.ServerExitCodes;
import dev.tlsquiz.server.metrics.Exposition;
import dev.tlsquiz.server.metrics.HttpProbe;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
        // As scripts/quiz-server starts it from a checkout: the hints then name scripts/quiz.
        Process process = launch(new ProcessBuilder(command(List.of("-D" + InstalledCommands.SCRIPTS_PROPERTY + "=scripts"),
                "serve", "--port", "0", "--certs-dir", certs.toString(), "--rounds", "2",
                "--seed", Long.toString(TestServers.SEED))).redirectError(dir.resolve("stderr.txt").toFile()));
        Matcher listening = listening(process);
        int port = Integer.parseInt(listening.group(1));
        assertTrue(stderr().contains("clients connect with: scripts/quiz play --host localhost --port " + port
                + " --cafile " + certs.resolve("ca.pem") + "\n"), this::stderr);
        assertTrue(stderr().contains("CA fingerprint "
                + Fingerprints.certificate(Pem.readCertificate(certs.resolve("ca.pem")))), this::stderr);
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
    void serve_whenSentSigintTwice_thenEndsTheGracePeriodAtOnceAndThePlayerIsToldWhy() throws Exception {
        Path certs = dir.resolve("certs");
        Process process = start("--port", "0", "--certs-dir", certs.toString(), "--shutdown-grace", "10m",
                "--time-limit", "10m", "--idle-timeout", "11m");
        int port = Integer.parseInt(listening(process).group(1));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ClientTls tls = ClientTls.create(ClientTlsConfig.of(new ClientTrust.CaFile(certs.resolve("ca.pem")),
                Protocol.ALPN_ID));
             QuizTestClient player = QuizTestClient.connect(group, tls, new InetSocketAddress("127.0.0.1", port))) {
            player.hello("slowpoke", 3);
            player.next(Problem.class);

            signal(process, "INT");
            awaitStderr("SIGINT received");
            assertTrue(process.isAlive(), "the first SIGINT waits for the session, up to the 10 min grace");
            long secondAt = System.nanoTime();
            signal(process, "INT");

            assertEquals("server shutting down; your session ended early",
                    player.expectErrorAndClose(ErrorCode.SERVER_SHUTTING_DOWN).message());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server still runs 60 s after the second SIGINT");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - secondAt);
            assertTrue(seconds < 60, "exited " + seconds + " s after the second SIGINT");
            assertEquals(ServerExitCodes.OK, process.exitValue(), this::stderr);
            assertTrue(stderr().contains("second interrupt (SIGINT): closing 1 session now"), this::stderr);
            assertTrue(stderr().contains("server stopped"), this::stderr);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
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
        assertEquals(List.of("quiz.test", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1"),
                SubjectAltNames.hostNames(Pem.readCertificate(certs.resolve("server.pem"))));
    }

    @Test
    void serve_whenThePortIsTaken_thenSaysSoAndNothingSuggestsItStarted() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process process = start("serve", "--port", Integer.toString(taken.getLocalPort()), "--certs-dir",
                    dir.resolve("certs").toString());

            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server gives up at once");
            assertEquals(ServerExitCodes.CANNOT_LISTEN, process.exitValue(), this::stderr);
            assertEquals("", new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    "no listening line");
            String message = stderr();
            assertTrue(message.contains("quiz-server: port " + taken.getLocalPort() + " on 127.0.0.1 is already in"
                    + " use; stop the other server or pass --port N"), message);
            for (String started : List.of("clients connect", "CA fingerprint", "listening")) {
                assertFalse(message.contains(started), started + " in: " + message);
            }
        }
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
    void serve_whenTheKeyIsGroupReadable_thenExitsFiveWithTheChmodFix() throws Exception {
        TestPki pki = TestPki.create(dir);
        Files.setPosixFilePermissions(pki.serverKey(), PosixFilePermissions.fromString("rw-r-----"));
        Process process = start("--port", "0", "--cert", pki.serverCert().toString(),
                "--key", pki.serverKey().toString());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ServerExitCodes.KEY_PERMISSIONS, process.exitValue());
        String message = stderr();
        assertTrue(message.contains("chmod 600"), message);
    }

    @Test
    void serve_whenThePortIsInUse_thenExitsThreeWithOneLineAndNoListeningLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process process = start("--port", Integer.toString(taken.getLocalPort()), "--certs-dir",
                    dir.resolve("certs").toString());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(ServerExitCodes.CANNOT_LISTEN, process.exitValue(), this::stderr);
            assertTrue(stderr().contains("quiz-server: port " + taken.getLocalPort() + " on 127.0.0.1 is already in"
                    + " use; stop the other server or pass --port N"), this::stderr);
            assertEquals("", new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    "nothing on stdout suggests that it started");
        }
    }

    @Test
    void serve_whenTheCertificateFileIsNotPem_thenExitsFour() throws Exception {
        TestPki pki = TestPki.create(dir);
        Path notPem = dir.resolve("server.pem");
        Files.writeString(notPem, "this is not a certificate\n");
        Process process = start("--port", "0", "--cert", notPem.toString(), "--key", pki.serverKey().toString());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ServerExitCodes.TLS_SETUP, process.exitValue(), this::stderr);
        // The results store is opened first (and says so when it creates its schema): the error is the last line.
        String last = stderr().lines().reduce((first, second) -> second).orElse("");
        assertTrue(last.startsWith("quiz-server: ") && last.contains(notPem.toString()), this::stderr);
    }

    @Test
    void serve_whenTheCertificateFileIsMissing_thenExitsFour() throws Exception {
        TestPki pki = TestPki.create(dir);
        Path missing = dir.resolve("missing.pem");
        Process process = start("--port", "0", "--cert", missing.toString(), "--key", pki.serverKey().toString());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ServerExitCodes.TLS_SETUP, process.exitValue(), this::stderr);
        assertTrue(stderr().contains(missing.toString()), this::stderr);
    }

    @Test
    void serve_whenBindIsNoAddress_thenExitsTwoWithOneLineNamingBindAndCreatesNothing() throws Exception {
        for (String bind : List.of("127.0.0.300", "no-such-host.invalid")) {
            Process process = start("--bind", bind, "--port", "0", "--certs-dir", dir.resolve("certs").toString());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(ServerExitCodes.USAGE, process.exitValue(), this::stderr);
            String message = stderr().strip();
            assertTrue(message.startsWith("quiz-server: invalid value for --bind: '" + bind + "'"), message);
            assertEquals(1, message.lines().count(), message);
            assertFalse(Files.exists(dir.resolve("certs")), "no certificate was made for " + bind);
        }
    }

    @Test
    void serve_withMetrics_thenScrapedAndProbed_andReadinessDropsAtSigtermWhileThePlayerStaysConnected()
            throws Exception {
        Path certs = dir.resolve("certs");
        Process process = start("serve", "--port", "0", "--certs-dir", certs.toString(), "--metrics", "127.0.0.1:0",
                "--shutdown-grace", "10m");
        int port = Integer.parseInt(listening(process).group(1));
        awaitStderr("/health/ready");
        Matcher url = Pattern.compile("metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics, health checks on").matcher(stderr());
        assertTrue(url.find(), this::stderr);
        InetSocketAddress http = new InetSocketAddress("127.0.0.1", Integer.parseInt(url.group(1)));
        assertFalse(http.getPort() == port, "never the quiz port");
        assertEquals(200, HttpProbe.get(http, "/health/live").status());
        assertEquals(200, HttpProbe.get(http, "/health/ready").status());

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ClientTls tls = ClientTls.create(ClientTlsConfig.of(new ClientTrust.CaFile(certs.resolve("ca.pem")),
                Protocol.ALPN_ID));
             QuizTestClient player = QuizTestClient.connect(group, tls, new InetSocketAddress("127.0.0.1", port))) {
            player.hello("ada", 0);
            player.next(Problem.class);
            String scraped = HttpProbe.get(http, "/metrics").body();
            assertEquals(1, Exposition.value(scraped, "tlsquiz_sessions_started_total"), scraped);
            assertEquals(1, Exposition.value(scraped, "tlsquiz_sessions_active"), scraped);

            // What a load balancer sees when the operator stops the server: no new players, this one plays on.
            signal(process, "TERM");
            Conditions.await("/health/ready to answer 503 after SIGTERM", Duration.ofSeconds(60), () -> {
                try {
                    return HttpProbe.get(http, "/health/ready").status() == 503;
                } catch (IOException e) {
                    return false;
                }
            });
            assertTrue(player.isOpen(), "the player is still connected while the server drains");
            assertEquals(200, HttpProbe.get(http, "/health/live").status());

            signal(process, "TERM");
            player.expectErrorAndClose(ErrorCode.SERVER_SHUTTING_DOWN);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not stop after the second SIGTERM");
        assertEquals(0, process.exitValue(), this::stderr);
    }

    /** Sends {@code SIG<name>} to {@code process}, as a terminal's Ctrl-C or an operator's kill would. */
    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + name + " failed");
    }

    /** Waits up to 60 s for the server's standard error to contain {@code text}. */
    private void awaitStderr(String text) throws InterruptedException {
        Conditions.await(() -> "'" + text + "' on the server's stderr: " + stderr(), Duration.ofSeconds(60),
                () -> stderr().contains(text));
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
        return command(List.of(), args);
    }

    private static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
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
