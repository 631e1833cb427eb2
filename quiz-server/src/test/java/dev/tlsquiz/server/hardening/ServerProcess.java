package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tlsquiz.server.cli.QuizServerMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in a child JVM (its own heap, its own memory), started from the test class path
 * on port 0, for abuse that must be measured where it lands: resident memory and what the server
 * prints. Standard output and error go to files in the given folder, read whenever asked.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) ");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB$");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;

    private ServerProcess(Process process, Path stdout, Path stderr, int port) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
    }

    /**
     * Starts {@code java JVM_OPTIONS... QuizServerMain serve --port 0 SERVER_ARGS...} in {@code dir} and
     * waits for its "listening on" line.
     */
    static ServerProcess start(Path dir, List<String> jvmOptions, String... serverArgs) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(QuizServerMain.class.getName());
        command.add("serve");
        command.add("--port");
        command.add("0");
        command.addAll(List.of(serverArgs));
        Path out = dir.resolve("server-stdout.txt");
        Path err = dir.resolve("server-stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            Matcher listening = LISTENING.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (listening.find()) {
                return new ServerProcess(process, out, err, Integer.parseInt(listening.group(1)));
            }
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("the server did not start within " + START_TIMEOUT.toSeconds() + " s; stderr: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            // Polls the output file; the process gives no other signal that it listens.
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The resident set size now, from {@code /proc/PID/status} (Linux). */
    long residentBytes() {
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid()), "status")));
            if (!rss.find()) {
                throw new AssertionError("no VmRSS line in /proc/" + pid() + "/status");
            }
            return Long.parseLong(rss.group(1)) * 1024;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server's memory from /proc", e);
        }
    }

    /**
     * The heap in use after a full collection, in bytes, asked with {@code jcmd PID GC.run} and
     * {@code GC.heap_info} (the used figure of the whole heap).
     */
    long heapUsedAfterGc() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new AssertionError("no heap total in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String what) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process run = new ProcessBuilder(jcmd, Long.toString(pid()), what).redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(30, TimeUnit.SECONDS) || run.exitValue() != 0) {
                run.destroyForcibly();
                throw new AssertionError("jcmd " + what + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running jcmd", e);
        }
    }

    /** Everything the server printed so far, standard output then standard error. */
    String output() {
        try {
            return Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /** SIGKILL (as {@code kill -9}): the server gets no chance to clean up; waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the server survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM, then a kill if the server has not exited within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
