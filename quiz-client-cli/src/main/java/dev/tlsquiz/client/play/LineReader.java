package dev.tlsquiz.client.play;

import dev.tlsquiz.client.session.ClientEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads lines on a daemon thread of its own and hands each to the play loop as a
 * {@link ClientEvent.LineRead}, then one {@link ClientEvent.InputEnded}. Reading a terminal
 * blocks for as long as the player thinks; on this thread that blocks nobody else.
 */
public final class LineReader {

    private static final Logger log = LoggerFactory.getLogger(LineReader.class);

    private final Thread thread;

    private LineReader(InputStream in, Consumer<ClientEvent> sink) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sink, "sink");
        this.thread = new Thread(() -> readAll(in, sink), "quiz-input");
        // A player who never presses Enter must not keep the JVM alive after the session ended.
        thread.setDaemon(true);
    }

    /** Starts reading {@code in} as UTF-8 into {@code sink}. */
    public static LineReader start(InputStream in, Consumer<ClientEvent> sink) {
        LineReader reader = new LineReader(in, sink);
        reader.thread.start();
        return reader;
    }

    private static void readAll(InputStream in, Consumer<ClientEvent> sink) {
        String reason = "end of input";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                sink.accept(new ClientEvent.LineRead(line));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("reading the answers failed", e);
            reason = "could not read the input: " + e.getMessage();
        } finally {
            // Always said, so that the play loop never waits for lines that will not come.
            sink.accept(new ClientEvent.InputEnded(reason));
        }
    }
}
