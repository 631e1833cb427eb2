package dev.tlsquiz.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Stdin for a test that plays a person: lines are fed while the client runs, and a read blocks
 * until the test types something, as a terminal would.
 */
public final class ScriptedInput extends InputStream {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** Types {@code line} and Enter. */
    public void type(String line) {
        chunks.add((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the input, as Ctrl-D would. */
    public void end() {
        chunks.add(END);
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        return count;
    }

    private boolean fill() throws IOException {
        while (!ended && position == current.length) {
            try {
                byte[] next = chunks.take();
                if (next == END) {
                    ended = true;
                } else {
                    current = next;
                    position = 0;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for input", e);
            }
        }
        return position < current.length;
    }
}
