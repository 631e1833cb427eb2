package dev.tlsquiz.client.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tlsquiz.client.QuizMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code quiz} as a real process (main, System.exit, the real stdout and stderr, logging as configured
 * for production), with stdin from /dev/null: no terminal. {@link #run} runs it to its exit with its
 * output captured; {@link #start} starts it in a JVM with a 128 MiB heap and without the tests' leak
 * detector (so it runs at full speed, as users run it), stderr to a file and stdout a pipe that
 * nobody reads until {@link #closeStdout()}.
 */
public final class ClientProcess implements AutoCloseable {

    private final Process process;
    private final Path stderr;

    private ClientProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    /**
     * Runs {@code quiz args} with this JVM's class path, its output captured in files in {@code dir};
     * fails when it does not exit within 60 s.
     */
    public static ClientResult run(Path dir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                QuizMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();

        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(exited, "the client did not exit within 60 s\n" + stdout + stderr);
        return new ClientResult(process.exitValue(), stdout, stderr);
    }

    /** Starts {@code quiz args...}, writing its stderr to {@code stderr}. */
    public static ClientProcess start(Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), QuizMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(stderr.toFile())
                .start();
        return new ClientProcess(process, stderr);
    }

    public Process process() {
        return process;
    }

    /** Everything it wrote on stderr so far. */
    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Closes the reading end of its stdout, as a pager or {@code head} that quits does. */
    public void closeStdout() throws IOException {
        process.getInputStream().close();
    }

    /** Its resident set size, from /proc. */
    public long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    /**
     * How long the flood must stand still to count as stalled: longer than the pauses a JVM takes on a
     * loaded 2-core machine (a client that merely paused would read on, and the test would blame it).
     */
    private static final Duration STALLED_AFTER = Duration.ofSeconds(3);

    /**
     * Waits until {@code server} has not been able to write any more flood for {@link #STALLED_AFTER}, and returns
     * how much it wrote; fails if the client exits first or goes on reading for 30 s.
     */
    public long awaitFloodStalled(RawTlsServer server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long last = -1;
        long unchangedSince = System.nanoTime();
        while (true) {
            if (!process.isAlive()) {
                fail("the client exited (" + process.exitValue() + ") while the flood still went on: " + stderr());
            }
            long now = System.nanoTime();
            long flooded = server.floodedBytes();
            if (flooded != last) {
                last = flooded;
                unchangedSince = now;
            } else if (flooded > 0 && now - unchangedSince > STALLED_AFTER.toNanos()) {
                return flooded;
            }
            if (now - deadline > 0) {
                fail("the client kept reading the flood for 30 s: " + flooded + " bytes, RSS " + rssKib() + " KiB");
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
