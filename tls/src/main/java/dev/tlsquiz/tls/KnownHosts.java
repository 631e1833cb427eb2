package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.SecureFiles;
import dev.tlsquiz.tls.pki.WriteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The servers a client trusts on first use, SSH style: one line per server, comments and blank lines
 * allowed.
 *
 * <pre>
 * # comment
 * quiz.example.org:26062 SHA256:&lt;64 hex digits: the pin of the server's public key&gt;   # a comment
 * [::1]:26062 SHA256:...
 * </pre>
 *
 * <p>A line that starts with a server ({@code host:port}) but holds no readable pin still belongs to
 * that server: it is never treated as unknown, so a damaged or hand-edited line leads to the "key
 * changed" refusal, not to a trust-on-first-use question an attacker could profit from. A line that
 * names no server at all is reported (with its line number) and otherwise ignored.
 *
 * <p>The file is read on every lookup (it is a few lines), so a host remembered by another process, or
 * another instance, is seen at once. Readers take no lock: every change replaces the file atomically
 * (mode 0600, in a folder created with mode 0700), so a reader sees the old file or the new one. Writers
 * take an exclusive lock on {@code FILE.lock} next to it, and re-read the file under that lock, so two
 * clients remembering servers at the same moment both keep their entries.
 */
public final class KnownHosts {

    /**
     * A FileLock belongs to the whole process, and a second lock on the same file from the same JVM
     * throws; threads of one JVM therefore queue here before they take the file lock.
     */
    private static final Object WRITERS = new Object();

    /** A comment runs from a '#' at the start of a field to the end of the line. */
    private static final Pattern TRAILING_COMMENT = Pattern.compile("(^|\\s)#.*$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private final Path file;

    private KnownHosts(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The known-hosts file at {@code file}; it need not exist yet. */
    public static KnownHosts at(Path file) {
        return new KnownHosts(file);
    }

    /**
     * {@code $HOME/.tlsquiz/known_hosts}; Java's {@code user.home} when {@code HOME} is not set. A user
     * who sets HOME (a sandbox, a test, a second profile) expects the client to follow it, and on Linux
     * {@code user.home} comes from the password database instead.
     */
    public static Path defaultPath() {
        return defaultPath(System.getenv("HOME"), System.getProperty("user.home"));
    }

    static Path defaultPath(String homeVariable, String userHome) {
        String home = homeVariable != null && !homeVariable.isBlank() ? homeVariable : userHome;
        return Path.of(home, ".tlsquiz", "known_hosts");
    }

    /** The file this instance reads and writes. */
    public Path file() {
        return file;
    }

    /** How a server is written in the file: {@code host:port}, or {@code [v6addr]:port}; host in lower case. */
    public static String entryKey(String host, int port) {
        return new Address(host, port).key();
    }

    /**
     * A server as the file names it.
     *
     * @param host the host name or address in lower case, an IPv6 literal without brackets
     * @param port its port, 1..65535
     */
    public record Address(String host, int port) {

        public Address {
            String lower = host.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("[") && lower.endsWith("]")) {
                lower = lower.substring(1, lower.length() - 1);
            }
            host = lower;
        }

        /** {@code host:port}, with brackets around an IPv6 literal. */
        public String key() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }

        /**
         * Reads {@code host:port} or {@code [v6addr]:port}.
         *
         * @return empty when {@code text} is not one of those (a missing or invalid port, an IPv6 literal
         *         without brackets, an empty host)
         */
        public static Optional<Address> parse(String text) {
            String host;
            String port;
            if (text.startsWith("[")) {
                int close = text.indexOf("]:");
                if (close < 2) {
                    return Optional.empty();
                }
                host = text.substring(1, close);
                port = text.substring(close + 2);
            } else {
                int colon = text.lastIndexOf(':');
                if (colon <= 0 || text.lastIndexOf(':', colon - 1) >= 0) {
                    return Optional.empty();
                }
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
            }
            if (host.isBlank() || host.contains("[") || host.contains("]") || !PORT.matcher(port).matches()) {
                return Optional.empty();
            }
            int number = Integer.parseInt(port);
            return number >= 1 && number <= 65535 ? Optional.of(new Address(host, number)) : Optional.empty();
        }
    }

    /**
     * A line that names a server.
     *
     * @param line    its line number, from 1
     * @param address the server it names
     * @param pin     its pin in canonical form, or {@code null} when the line holds no readable pin
     * @param problem why the pin cannot be read, or {@code null} when it can
     * @param text    the whole line as written (untrusted: sanitise before printing it)
     */
    public record Entry(int line, Address address, String pin, String problem, String text) {

        public Entry {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(text, "text");
            if ((pin == null) == (problem == null)) {
                throw new IllegalArgumentException("an entry has either a pin or a problem");
            }
        }

        /** Whether the line holds a readable pin. */
        public boolean readable() {
            return pin != null;
        }
    }

    /**
     * A line that is neither a comment, nor blank, nor starts with a server.
     *
     * @param line    its line number, from 1
     * @param text    the line as written (untrusted: sanitise before printing it)
     * @param problem what is wrong with it
     */
    public record Malformed(int line, String text, String problem) {
    }

    /**
     * The file as read.
     *
     * @param file      where it was read from
     * @param lines     every line as written, for rewriting it unchanged
     * @param entries   the lines that name a server, readable or not, in file order
     * @param malformed the lines that name no server, in file order
     */
    public record Contents(Path file, List<String> lines, List<Entry> entries, List<Malformed> malformed) {

        public Contents {
            lines = List.copyOf(lines);
            entries = List.copyOf(entries);
            malformed = List.copyOf(malformed);
        }

        /** Every line about {@code host:port}, readable or not; empty only when the server is unknown. */
        public List<Entry> entriesFor(String host, int port) {
            String key = entryKey(host, port);
            return entries.stream().filter(entry -> entry.address().key().equals(key)).toList();
        }

        /**
         * Every line that could not be read, entries and malformed lines alike, in file order, as
         * {@code line number → problem} pairs for a report.
         */
        public List<Malformed> problems() {
            List<Malformed> problems = new ArrayList<>(malformed);
            for (Entry entry : entries) {
                if (!entry.readable()) {
                    problems.add(new Malformed(entry.line(), entry.text(), entry.problem()));
                }
            }
            problems.sort(Comparator.comparingInt(Malformed::line));
            return problems;
        }
    }

    /**
     * Reads and parses the file; a missing file has no entries.
     *
     * @throws IOException when the file exists but cannot be read
     */
    public Contents read() throws IOException {
        List<String> lines = readLines();
        List<Entry> entries = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            String content = TRAILING_COMMENT.matcher(text).replaceFirst("").strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = WHITESPACE.split(content);
            Optional<Address> address = Address.parse(fields[0]);
            if (address.isEmpty()) {
                malformed.add(new Malformed(i + 1, text, "the line does not start with HOST:PORT or [IPv6]:PORT"
                        + " (expected: HOST:PORT SHA256:<64 hex digits> [# comment])"));
            } else if (fields.length != 2) {
                entries.add(new Entry(i + 1, address.get(), null, fields.length == 1 ? "no pin after the server"
                        : "more than one field after the server (a comment starts with ' #')", text));
            } else {
                entries.add(parsePin(i + 1, address.get(), fields[1], text));
            }
        }
        return new Contents(file, lines, entries, malformed);
    }

    private static Entry parsePin(int line, Address address, String field, String text) {
        try {
            return new Entry(line, address, Fingerprints.normalize(field), null, text);
        } catch (IllegalArgumentException e) {
            return new Entry(line, address, null, "'" + field + "' is not a SHA-256 pin (expected: SHA256:"
                    + " followed by 64 hex digits)", text);
        }
    }

    /**
     * The first readable pin remembered for a server.
     *
     * @throws UncheckedIOException when the file exists but cannot be read, naming it
     */
    public Optional<String> pinFor(String host, int port) {
        try {
            return read().entriesFor(host, port).stream().filter(Entry::readable).map(Entry::pin).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(cannotRead(e), e);
        }
    }

    /** "cannot read the known hosts file ...", with what to do about it. */
    String cannotRead(IOException e) {
        return "cannot read the known hosts file " + file + ": " + e.getMessage() + "; fix its permissions or remove it";
    }

    /** Remembers {@code pin} for a server, replacing every earlier line about it. */
    public void remember(String host, int port, String pin) throws IOException {
        Address address = new Address(host, port);
        String line = address.key() + " " + Fingerprints.normalize(pin);
        update(contents -> {
            List<String> lines = linesWithout(contents, entry -> entry.address().equals(address));
            lines.add(line);
            return lines;
        });
    }

    /**
     * Forgets a server, as {@code ssh-keygen -R} does: every line about {@code host} on {@code port}, or
     * on any port when none is given, readable or not. Comments and other lines stay as they are.
     *
     * @return the lines removed, in file order; empty when there was none (the file is then untouched)
     */
    public List<Entry> remove(String host, OptionalInt port) throws IOException {
        String bare = new Address(host, 1).host();
        Predicate<Entry> matches = entry -> entry.address().host().equals(bare)
                && (port.isEmpty() || entry.address().port() == port.getAsInt());
        List<Entry> removed = new ArrayList<>();
        update(contents -> {
            removed.clear();
            contents.entries().stream().filter(matches).forEach(removed::add);
            return removed.isEmpty() ? null : linesWithout(contents, matches);
        });
        return List.copyOf(removed);
    }

    private static List<String> linesWithout(Contents contents, Predicate<Entry> drop) {
        Set<Integer> dropped = new HashSet<>();
        contents.entries().stream().filter(drop).forEach(entry -> dropped.add(entry.line()));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < contents.lines().size(); i++) {
            if (!dropped.contains(i + 1)) {
                kept.add(contents.lines().get(i));
            }
        }
        return kept;
    }

    /** How one update changes the file: the new lines, or {@code null} to leave it as it is. */
    @FunctionalInterface
    private interface Edit {
        List<String> apply(Contents current);
    }

    /**
     * Reads, edits and atomically replaces the file while holding the JVM's writer lock and the file lock,
     * so that no other writer, in this process or another, changes it between the read and the replace.
     */
    private void update(Edit edit) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        SecureFiles.createPrivateDirectories(parent);
        synchronized (WRITERS) {
            try (FileChannel lockFile = openLockFile(); FileLock lock = lockFile.lock()) {
                List<String> lines = edit.apply(read());
                if (lines != null) {
                    String content = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
                    SecureFiles.writeSecret(file, content.getBytes(StandardCharsets.UTF_8), WriteMode.REPLACE);
                }
            }
        }
    }

    /** {@code FILE.lock}, created owner-only; it stays after use, as lock files do, and holds nothing. */
    private FileChannel openLockFile() throws IOException {
        Path lockPath = file.resolveSibling(file.getFileName() + ".lock");
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(lockPath, options,
                    PosixFilePermissions.asFileAttribute(SecureFiles.OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException noPosix) {
            return FileChannel.open(lockPath, options);
        }
    }

    /**
     * The file's lines, decoded leniently: a byte that is not UTF-8 makes its line unreadable, not the
     * whole file.
     */
    private List<String> readLines() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return text.lines().toList();
    }
}
