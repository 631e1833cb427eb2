package dev.tlsquiz.server.hardening;

import dev.tlsquiz.tls.testing.OpenSsl;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code openssl s_client} as a real process against a server, bounded in time: stdin is
 * closed (no {@code -ign_eof}), so s_client ends after the handshake; the process is killed if it
 * runs longer than {@link #TIMEOUT}. For checks that need to see what the server sends after the
 * handshake (an alert for a missing client certificate), stdin can be held open until the output
 * shows a marker, again bounded.
 */
final class SClient {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SClient() {
    }

    /** Runs {@code openssl s_client -connect 127.0.0.1:port ARGS...} with stdin closed at once. */
    static OpenSsl.Result run(int port, String... args) {
        return run(port, null, Duration.ZERO, args);
    }

    /**
     * Like {@link #run(int, String...)}, but keeps stdin open until the output contains
     * {@code marker} or {@code holdOpen} has passed, whichever comes first.
     */
    static OpenSsl.Result run(int port, String marker, Duration holdOpen, String... args) {
        OpenSsl.assumeAvailable();
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("s_client", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                OutputStream stdin = process.getOutputStream();
                try {
                    long until = System.nanoTime() + holdOpen.toNanos();
                    while (marker != null && System.nanoTime() - until < 0 && process.isAlive()
                            && !Files.readString(output, StandardCharsets.UTF_8).contains(marker)) {
                        process.waitFor(50, TimeUnit.MILLISECONDS);
                    }
                } finally {
                    // End of input: s_client closes the connection and exits.
                    stdin.close();
                }
                if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT);
                }
                return new OpenSsl.Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }
}
