package dev.tlsquiz.client.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tlsquiz.client.QuizMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code quiz} as a person runs it: a real process whose stdin, stdout and stderr are a
 * pseudo-terminal, made by util-linux {@code script}. The test types keys (Ctrl-C and Ctrl-D
 * included, which the terminal turns into a signal and an end of line as it would for a person)
 * and reads the screen as the terminal shows it, escape sequences and all.
 */
public final class PtyClient implements AutoCloseable {

    /** Where {@code script} is looked for; tests skip, saying so, when it is in none of them. */
    private static final List<Path> SCRIPT = List.of(Path.of("/usr/bin/script"), Path.of("/bin/script"));

    public static final String CTRL_C = "\u0003";
    public static final String CTRL_D = "\u0004";
    public static final String ENTER = "\r";

    private final Process process;
    private final OutputStream keys;
    private final WatchedOutput screen = new WatchedOutput();

    private PtyClient(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread pump = new Thread(() -> copy(process.getInputStream()), "pty-screen");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code quiz args...} on a 100x30 pseudo-terminal with {@code TERM=xterm-256color} and
     * {@code env} added; skips the test when {@code script} is not installed.
     */
    public static PtyClient start(Map<String, String> env, String... args) throws IOException {
        Path script = SCRIPT.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(script != null, "util-linux 'script' is not installed (apt-get install util-linux):"
                + " the pseudo-terminal tests cannot run here");
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), QuizMain.class.getName()));
        java.addAll(List.of(args));
        // A pty starts at 0x0; a line editor needs a width to lay its line out.
        String command = "stty cols 100 rows 30 && exec " + java.stream().map(PtyClient::quoted)
                .collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qfec", command, "/dev/null")
                .redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(env);
        return new PtyClient(builder.start());
    }

    /** What the terminal showed so far. */
    public WatchedOutput screen() {
        return screen;
    }

    /** Types {@code text} (no Enter unless it holds {@link #ENTER}). */
    public void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits up to {@code seconds} for the client to exit and returns its exit code; fails if it does not. */
    public int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the client did not exit within " + seconds + " s; screen:\n" + screen.text());
        }
        return process.exitValue();
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            int read;
            while ((read = in.read(buffer)) != -1) {
                screen.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // The process ended; the screen keeps what it showed.
        }
    }

    private static String quoted(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
