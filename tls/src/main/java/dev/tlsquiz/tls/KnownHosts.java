package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.SecureFiles;
import dev.tlsquiz.tls.pki.WriteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers a client trusts on first use, SSH style: one line per server.
 *
 * <pre>
 * # comment
 * quiz.example.org:26062 SHA256:&lt;64 hex digits: the pin of the server's public key&gt;
 * [::1]:26062 SHA256:...
 * </pre>
 *
 * <p>The file is read on every lookup (it is a few lines), so a host remembered by another process, or
 * another instance, is seen at once. Writes replace the file atomically, mode 0600, in a folder
 * created with mode 0700.
 */
public final class KnownHosts {

    private static final Logger LOG = LoggerFactory.getLogger(KnownHosts.class);

    private final Path file;

    private KnownHosts(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The known-hosts file at {@code file}; it need not exist yet. */
    public static KnownHosts at(Path file) {
        return new KnownHosts(file);
    }

    /** {@code ~/.tlsquiz/known_hosts}. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".tlsquiz", "known_hosts");
    }

    /** The file this instance reads and writes. */
    public Path file() {
        return file;
    }

    /** How a server is written in the file: {@code host:port}, or {@code [v6addr]:port}; host in lower case. */
    public static String entryKey(String host, int port) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        return (lower.indexOf(':') >= 0 ? "[" + lower + "]" : lower) + ":" + port;
    }

    /**
     * The pin remembered for a server.
     *
     * @throws UncheckedIOException when the file exists but cannot be read, naming it
     */
    public synchronized Optional<String> pinFor(String host, int port) {
        String key = entryKey(host, port);
        List<String> lines;
        try {
            lines = readLines();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the known hosts file " + file + ": " + e.getMessage()
                    + "; fix its permissions or remove it", e);
        }
        for (String line : lines) {
            String[] fields = fields(line);
            if (fields != null && fields[0].equals(key)) {
                try {
                    return Optional.of(Fingerprints.normalize(fields[1]));
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}: ignoring the entry for {} with an unreadable pin; delete that line", file, key);
                }
            }
        }
        return Optional.empty();
    }

    /** Remembers {@code pin} for a server, replacing any earlier entry for it. */
    public synchronized void remember(String host, int port, String pin) throws IOException {
        String key = entryKey(host, port);
        String normalized = Fingerprints.normalize(pin);
        List<String> kept = new ArrayList<>();
        for (String line : readLines()) {
            String[] fields = fields(line);
            if (fields == null || !fields[0].equals(key)) {
                kept.add(line);
            }
        }
        kept.add(key + " " + normalized);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            SecureFiles.createPrivateDirectories(parent);
        }
        String content = String.join("\n", kept) + "\n";
        SecureFiles.writeSecret(file, content.getBytes(StandardCharsets.UTF_8), WriteMode.REPLACE);
    }

    private List<String> readLines() throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** {@code [key, pin]}, or null for a comment, a blank or a malformed line. */
    private static String[] fields(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        String[] fields = trimmed.split("\\s+");
        return fields.length == 2 ? fields : null;
    }
}
