package dev.tlsquiz.server.certs;

import dev.tlsquiz.tls.pki.Fingerprints;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every {@code certs} subcommand shares: {@code --certs-dir}, output to the command line's own
 * writers (so tests capture it), and failures as one line on stderr with exit status 1. Expected
 * failures (a file exists, a key is readable by others, a PEM file is broken, a bad name) all arrive
 * here as {@link IOException} or {@link IllegalArgumentException}; {@link PkiAdvice} adds what to run next
 * to the TLS module's facts.
 */
abstract class CertsSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CertsDirOption certs;

    @Override
    public final Integer call() {
        try {
            run();
            out().flush();
            return CommandLine.ExitCode.OK;
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            out().flush();
            err().println("quiz-server: " + advice().describe(e));
            err().flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    /** The sentences about this folder's PKI, with the commands as installed. */
    PkiAdvice advice() {
        return PkiAdvice.forCertsDir(certs.certsDir());
    }

    /** {@code quiz play --host HOST --cafile CA}: how a player trusting this folder's CA connects. */
    ConnectCommand connectCommand(String host) {
        return ConnectCommand.to(advice().commands(), host).option("--cafile", certs.pki().caCertificate().toString());
    }

    /** Does the work; throws with a user-facing message on failure. */
    abstract void run() throws IOException;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Warns, on stderr where it is not missed among the other lines, that the server's key changed: every
     * player who pinned the old key or remembers it in known_hosts is now refused.
     */
    void warnNewServerKey(Path keyFile, X509Certificate server, String previousPin) {
        // After everything printed so far, as the last thing on the terminal.
        out().flush();
        err().printf("quiz-server: WARNING: %s is a new key (pin %s, was %s): players who pinned the old key"
                + " (--pin) or remember it in known_hosts are now refused and told someone may be intercepting."
                + " Give them the new pin over a channel you trust; each then removes this server's line from"
                + " their known_hosts file.%n", keyFile, Fingerprints.publicKeyPin(server), previousPin);
        err().flush();
    }

    /** Rejects a {@code --*-days} value that is not a positive number of days (exit status 2, usage). */
    void requireDays(String option, int days) {
        if (days < 1 || days > 36500) {
            throw new ParameterException(spec.commandLine(),
                    "invalid value for " + option + ": " + days + " (expected: 1..36500 days)");
        }
    }
}
