package dev.tlsquiz.server.certs;

import dev.tlsquiz.tls.pki.DevPkiException;
import dev.tlsquiz.tls.pki.ExistingFileException;
import dev.tlsquiz.tls.pki.InsecureKeyFileException;
import dev.tlsquiz.tls.pki.ServerPkiReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The operator's sentences about the development PKI: the TLS module reports facts (a file exists, a key is
 * readable by others, the CA expired, what a server start renewed), and this class adds what to run next,
 * with the commands as installed ({@link InstalledCommands}) and the {@code --certs-dir} in use.
 */
public final class PkiAdvice {

    /** The folder {@code --certs-dir} names when it is not given: printed commands then leave it out. */
    public static final Path DEFAULT_CERTS_DIR = Path.of("certs");

    private final InstalledCommands commands;
    private final Path certsDir;

    public PkiAdvice(InstalledCommands commands, Path certsDir) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.certsDir = Objects.requireNonNull(certsDir, "certsDir");
    }

    /** For this process's launcher and {@code certsDir}. */
    public static PkiAdvice forCertsDir(Path certsDir) {
        return new PkiAdvice(InstalledCommands.current(), certsDir);
    }

    /** The commands the advice names. */
    public InstalledCommands commands() {
        return commands;
    }

    /** {@code quiz-server certs SUBCOMMAND[ --certs-dir DIR]}: a {@code certs} command for this folder. */
    public String certsCommand(String subcommandAndArguments) {
        return commands.quizServer() + " certs " + subcommandAndArguments + certsDirArgument();
    }

    /** {@code --certs-dir DIR} for a printed command, or nothing for the default folder. */
    public String certsDirArgument() {
        return certsDir.equals(DEFAULT_CERTS_DIR) ? "" : " --certs-dir " + ShellWords.quote(certsDir.toString());
    }

    /**
     * One line for the operator: the exception's own message, and for the TLS module's files what to run
     * next.
     */
    public String describe(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof InsecureKeyFileException insecure) {
            return message + "; run: chmod 600 " + ShellWords.quote(insecure.file().toString());
        }
        if (e instanceof ExistingFileException existing) {
            return message + existingFileAdvice(existing);
        }
        if (e instanceof DevPkiException problem) {
            return message + devPkiAdvice(problem);
        }
        return message;
    }

    private String existingFileAdvice(ExistingFileException e) {
        return switch (e.what()) {
            case FILE -> "; use --force to replace it";
            case DEVELOPMENT_PKI -> ": a development PKI is already here; to issue a server certificate for other"
                    + " names (same key) run: " + certsCommand("server --san NAME")
                    + "; to start over with a new CA run: " + certsCommand("init --force");
            case CLIENT_CERTIFICATE -> "; use --force to issue a new certificate for " + clientName(e.file())
                    + " (the old one stays valid until it expires or is revoked)";
        };
    }

    private String devPkiAdvice(DevPkiException e) {
        return switch (e.problem()) {
            case NO_CA -> "; create the development PKI first: " + certsCommand("init");
            case CORE_FILE_MISSING, CA_EXPIRED -> "; run: " + certsCommand("init --force")
                    + " to create a new development PKI";
            case SERVER_NOT_FROM_CA -> "; run: " + certsCommand("server --san NAME") + " to issue one from this CA";
            case SERVER_KEY_MISSING -> "; to make one on purpose, run: " + certsCommand("server --new-key --san NAME");
            case SERVER_KEY_NOT_REUSABLE -> "; run: " + certsCommand("server --new-key --san NAME")
                    + " for a new EC key";
            case CLIENT_NOT_FOUND -> "; only certificates issued with '" + commands.quizServer() + " certs client "
                    + e.detail().orElse("NAME") + "' can be revoked by name";
        };
    }

    /** {@code alice} for {@code clients/alice.pem} or {@code clients/alice.key}. */
    private static String clientName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * What a server start did to the development PKI, one line each: created, re-issued, renewed, CRL signed
     * again, CA about to expire. Nothing when it only reused it.
     */
    public List<String> notices(ServerPkiReport report) {
        List<String> lines = new ArrayList<>();
        if (report.created()) {
            lines.add("Created a development CA and server certificate in " + report.pki().dir() + " for "
                    + String.join(", ", report.serverNames()));
        }
        if (!report.reissuedFor().isEmpty()) {
            lines.add("Re-issued " + report.pki().serverCertificate() + " to also cover "
                    + String.join(", ", report.reissuedFor()) + ", for the same key");
        }
        report.renewal().ifPresent(renewal -> lines.add("Renewed " + report.pki().serverCertificate()
                + " (it expires " + CertificateText.day(renewal.previous().getNotAfter())
                + "); the new one is valid until " + CertificateText.day(renewal.renewed().getNotAfter())));
        report.crlCurrentUntil().ifPresent(until -> lines.add("Signed " + report.pki().crl()
                + " again; it is current until " + CertificateText.day(until)));
        report.caExpires().ifPresent(notAfter -> lines.add("The development CA " + report.pki().caCertificate()
                + " expires " + CertificateText.day(notAfter) + "; run: " + certsCommand("init --force")
                + ", then give players the new " + report.pki().caCertificate()));
        return lines;
    }
}
