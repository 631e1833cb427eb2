package dev.tlsquiz.client.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captured stdout or stderr that a test can wait on: {@link #await(Pattern, int)} blocks until
 * the output matches, without sleeping.
 */
public final class WatchedOutput extends OutputStream {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream printStream = new PrintStream(this, true, StandardCharsets.UTF_8);

    /** A print stream writing here, UTF-8. */
    public PrintStream printStream() {
        return printStream;
    }

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int length) {
        bytes.write(buffer, offset, length);
        notifyAll();
    }

    /** Everything written so far. */
    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Waits until the output holds at least {@code occurrences} matches of {@code pattern} and
     * returns the last of them.
     *
     * @throws AssertionError after 30 s, showing the output
     */
    public synchronized Matcher await(Pattern pattern, int occurrences) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Matcher matcher = pattern.matcher(text());
            int found = 0;
            while (found < occurrences && matcher.find()) {
                found++;
            }
            if (found == occurrences) {
                return matcher;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + occurrences + " match(es) of /" + pattern
                        + "/ within " + TIMEOUT.toSeconds() + " s; output:\n" + text());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until the output contains {@code text}. */
    public void await(String text) throws InterruptedException {
        await(Pattern.compile(Pattern.quote(text)), 1);
    }
}
