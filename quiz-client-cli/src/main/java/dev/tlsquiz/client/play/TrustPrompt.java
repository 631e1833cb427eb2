package dev.tlsquiz.client.play;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.Failures;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.text.TerminalText;
import dev.tlsquiz.tls.KnownHosts;
import dev.tlsquiz.tls.UnknownServerKeyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Trust on first use: shows a server that no CA vouches for and that is not in the known-hosts
 * file, asks the person whether to trust it, and remembers the key when they say yes. Only ever
 * used with a terminal; without one the key is refused (see {@link Failures#unknownServerRefused}).
 *
 * <p>The certificate's names pass through {@link TerminalText}: an impostor picks them, and raw
 * escape sequences in them could redraw this prompt with the real server's fingerprints and hide
 * its own.
 */
final class TrustPrompt {

    private final Terminal terminal;
    private final Supplier<Optional<String>> replies;

    /**
     * @param replies the next line the person types, or empty at end of input
     */
    TrustPrompt(Terminal terminal, Supplier<Optional<String>> replies) {
        this.terminal = terminal;
        this.replies = replies;
    }

    /**
     * Asks about {@code unknown} on stderr (stdout may be JSON) and remembers its key in
     * {@code knownHosts} on yes.
     *
     * @return whether the person trusted the server
     */
    boolean ask(UnknownServerKeyException unknown, Path knownHosts) {
        PrintStream err = terminal.err();
        err.println("The server " + Failures.address(unknown.host(), unknown.port())
                + " presented a certificate that no trusted CA signed, and it is not in " + knownHosts + ".");
        // The names are the certificate's own: whoever made it chose them, escape sequences included.
        err.println("  subject:     " + TerminalText.sanitize(unknown.subject()));
        err.println("  issuer:      " + TerminalText.sanitize(unknown.issuer()));
        err.println("  certificate: " + unknown.certificateFingerprint());
        err.println("  key pin:     " + unknown.pin());
        err.println("Compare the pin with the one the server's operator gave you.");
        err.print("Trust this server and remember it in " + knownHosts + "? [y/N] ");
        err.flush();
        Optional<String> reply = replies.get();
        if (reply.isEmpty()) {
            err.println();
        }
        String answer = reply.orElse("").strip().toLowerCase(Locale.ROOT);
        if (!answer.equals("y") && !answer.equals("yes")) {
            return false;
        }
        try {
            KnownHosts.at(knownHosts).remember(unknown.host(), unknown.port(), unknown.pin());
        } catch (IOException e) {
            throw new ClientFailure(ExitCodes.TLS_FAILED, "KNOWN_HOSTS_WRITE_FAILED",
                    "cannot remember the server in " + knownHosts + ": " + e.getMessage()
                            + " — check the file's permissions, or run with --pin " + unknown.pin(), e);
        }
        err.println("Remembered " + Failures.address(unknown.host(), unknown.port()) + " in " + knownHosts + ".");
        return true;
    }

    /**
     * Reads one line from {@code in} byte by byte, so that nothing after the line is consumed
     * and lost to a reader that comes later.
     */
    static Optional<String> readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            if (b == -1 && line.size() == 0) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(line.toString(StandardCharsets.UTF_8).replace("\r", ""));
    }
}
