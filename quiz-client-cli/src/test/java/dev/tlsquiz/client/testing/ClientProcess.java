package dev.tlsquiz.client.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.QuizMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code quiz} as a real process (main, System.exit, the real stdout and stderr, logging as
 * configured for production), with stdin from /dev/null: no terminal.
 */
public final class ClientProcess {

    private ClientProcess() {
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
}
