package dev.tlsquiz.server.metrics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's own checker, {@code promtool} (Debian's {@code prometheus} package; {@code .ci/run}
 * installs it). Where it is not installed the test is skipped, saying so on standard error and in the
 * skip reason, never passed silently.
 */
public final class Promtool {

    /** What promtool said: its exit status and its output (standard output and error together). */
    public record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    /** Skips the calling test, visibly, when promtool is not on the PATH. */
    public static void assumeInstalled() {
        boolean installed = find() != null;
        if (!installed) {
            System.err.println("SKIPPED: promtool is not installed here (apt-get install prometheus; CI installs it)");
        }
        assumeTrue(installed, "promtool is not installed here (apt-get install prometheus; CI installs it)");
    }

    /** {@code promtool check metrics} on {@code exposition} (the Prometheus text format), read from stdin. */
    public static Result checkMetrics(String exposition) throws IOException, InterruptedException {
        return run(exposition.getBytes(StandardCharsets.UTF_8), "check", "metrics");
    }

    /** {@code promtool check config FILE}. */
    public static Result checkConfig(Path file) throws IOException, InterruptedException {
        return run(new byte[0], "check", "config", file.toString());
    }

    /** {@code promtool check rules FILE}: also how a PromQL expression is checked, as a recording rule. */
    public static Result checkRules(Path file) throws IOException, InterruptedException {
        return run(new byte[0], "check", "rules", file.toString());
    }

    private static Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
        assumeInstalled();
        List<String> command = new ArrayList<>();
        command.add(find().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
