package dev.tlsquiz.tls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the {@code openssl} command line tool as a real process, so tests can check that what this
 * project writes is what openssl reads. Tests that need it call {@link #assumeAvailable()} and are
 * skipped (not failed) on a machine without openssl on the PATH.
 */
public final class OpenSsl {

    private static final long TIMEOUT_SECONDS = 30;
    private static volatile Boolean available;

    private OpenSsl() {
    }

    /**
     * The outcome of one run.
     *
     * @param exitCode the process's exit code
     * @param output   stdout and stderr, merged
     */
    public record Result(int exitCode, String output) {
    }

    /** Whether {@code openssl version} runs. */
    public static boolean isAvailable() {
        Boolean known = available;
        if (known == null) {
            try {
                known = run("version").exitCode() == 0;
            } catch (UncheckedIOException e) {
                known = false;
            }
            available = known;
        }
        return known;
    }

    /** Skips the calling test when openssl is not on the PATH. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(isAvailable(), "openssl is not on the PATH; skipping the openssl cross-check");
    }

    /** Runs {@code openssl ARGS...} and waits up to 30 s for it. */
    public static Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("openssl", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                // Nothing to feed it: a closed stdin makes a command that would prompt fail instead of hang.
                process.getOutputStream().close();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in "
                            + TIMEOUT_SECONDS + " s");
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
