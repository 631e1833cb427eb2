package dev.tlsquiz.client;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The streams a {@code quiz} run talks through, and whether a person sits at the other end.
 * Production code uses {@link #system()}; tests inject their own streams and force either mode.
 *
 * @param in          where answers (and the trust prompt's reply) are read from, as UTF-8
 * @param out         results: text for people, or JSON lines
 * @param err         diagnostics, one line each
 * @param interactive whether {@code in} is a terminal with a person typing
 * @param lineEditing whether stdin and stdout are both the process's real terminal, so that a line
 *                    editor may take it over (raw mode, a redrawn prompt); never with injected streams
 * @param colour      whether {@code out} is a terminal that may be sent colour: it is one, and
 *                    {@code NO_COLOR} is not set to a non-empty value (https://no-color.org)
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, boolean interactive,
                       boolean lineEditing, boolean colour) {

    /** Injected streams: neither a line editor nor colour, whatever they are connected to. */
    public Terminal(InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        this(in, out, err, interactive, false, false);
    }

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
        // On Java 17 a console exists exactly when both stdin and stdout are a terminal.
        boolean bothTerminal = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        boolean colourWanted = noColor == null || noColor.isEmpty();
        return new Terminal(System.in,
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                bothTerminal, bothTerminal, colourWanted && (bothTerminal || stdoutIsTerminal()));
    }

    /**
     * Whether stdout alone is a terminal (stdin may be a script of answers): Java 17 cannot ask
     * isatty(1), so this reads where Linux's /proc says fd 1 leads; elsewhere it answers no colour.
     */
    private static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
