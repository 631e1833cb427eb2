package dev.tlsquiz.client;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The streams a {@code quiz} run talks through, and whether a person sits at the other end.
 * Production code uses {@link #system()}; tests inject their own streams and force either mode.
 *
 * @param in          where answers (and the trust prompt's reply) are read from, as UTF-8
 * @param out         results: text for people, or JSON lines
 * @param err         diagnostics, one line each
 * @param interactive whether {@code in} is a terminal with a person typing
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, boolean interactive) {

    public Terminal {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /**
     * The process's own streams. Output is UTF-8 whatever the platform charset, because the
     * verdict symbols and JSON must not turn into question marks under a POSIX locale.
     */
    public static Terminal system() {
        return new Terminal(System.in,
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                System.console() != null);
    }
}
