package dev.tlsquiz.client.testing;

import dev.tlsquiz.client.QuizMain;
import dev.tlsquiz.client.Terminal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code quiz} in-process with captured streams. */
public final class Clients {

    private Clients() {
    }

    /** Runs with empty, non-terminal stdin. */
    public static ClientResult run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), false, args);
    }

    /** Runs with {@code in} as stdin; {@code interactive} forces terminal mode. */
    public static ClientResult run(InputStream in, boolean interactive, String... args) {
        WatchedOutput out = new WatchedOutput();
        WatchedOutput err = new WatchedOutput();
        int exitCode = QuizMain.run(args, new Terminal(in, out.printStream(), err.printStream(), interactive));
        return new ClientResult(exitCode, out.text(), err.text());
    }

    /** A run in the background, for tests that talk to it while it plays. */
    public static final class Background {
        private final WatchedOutput out = new WatchedOutput();
        private final WatchedOutput err = new WatchedOutput();
        private final CompletableFuture<Integer> exit;

        public Background(InputStream in, boolean interactive, String... args) {
            Terminal terminal = new Terminal(in, out.printStream(), err.printStream(), interactive);
            // Its own thread, not the common pool: the run blocks for as long as the session lasts.
            exit = CompletableFuture.supplyAsync(() -> QuizMain.run(args, terminal), task -> {
                Thread thread = new Thread(task, "quiz-under-test");
                thread.setDaemon(true);
                thread.start();
            });
        }

        public WatchedOutput out() {
            return out;
        }

        public WatchedOutput err() {
            return err;
        }

        /** Waits up to 30 s for the run to end. */
        public ClientResult await() throws Exception {
            int exitCode = exit.get(30, TimeUnit.SECONDS);
            return new ClientResult(exitCode, out.text(), err.text());
        }
    }
}
