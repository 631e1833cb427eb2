package dev.tlsquiz.client.room;

import dev.tlsquiz.tls.KnownHosts;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;

/**
 * The seat tokens of the rooms this user plays in, one file per room: {@code $HOME/.tlsquiz/rooms/K7Q-2MF}
 * (beside the known-hosts file), the folder mode 0700 and each file 0600, because a token proves a seat:
 * whoever holds it plays as that player. A token is kept from ROOM until the game ends, so that
 * {@code quiz join CODE} after a drop takes the seat back with its score.
 *
 * <p>File names are canonical room codes ({@link RoomCode}), never text from the server.
 */
public final class SeatTokens {

    /** A token longer than this is not one the server gave (128 bits in base64url are 22 characters). */
    static final int MAX_TOKEN_CHARS = 256;

    private final Path dir;

    public SeatTokens(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** The default folder: {@code rooms} beside the default known-hosts file ({@code $HOME/.tlsquiz}). */
    public static Path defaultDir() {
        return KnownHosts.defaultPath().resolveSibling("rooms");
    }

    /** The folder the tokens are kept in. */
    public Path dir() {
        return dir;
    }

    /**
     * The token kept for room {@code code}, or empty when none is (or the file is not one this client
     * wrote: too long, or not one line of printable ASCII).
     */
    public Optional<String> load(String code) throws IOException {
        Path file = file(code);
        String token;
        try {
            token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** Keeps {@code token} for room {@code code}, readable by this user alone, replacing any earlier one. */
    public void store(String code, String token) throws IOException {
        createDir();
        Path target = file(code);
        Path temp = Files.createTempFile(dir, ".seat-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, token + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Forgets the token of room {@code code}: the game is over, or the seat is gone. */
    public void delete(String code) throws IOException {
        Files.deleteIfExists(file(code));
    }

    /** The file of room {@code code}; the code must be canonical. */
    Path file(String code) {
        String canonical = RoomCode.parse(code).orElseThrow(() -> new IllegalArgumentException(RoomCode.whyNot(code)));
        if (!canonical.equals(code)) {
            throw new IllegalArgumentException("code: " + code + " (expected the canonical form " + canonical + ")");
        }
        return dir.resolve(canonical);
    }

    private void createDir() throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            // $HOME/.tlsquiz, as the known-hosts file makes it: this user's alone.
            createPrivateDir(parent);
        }
        if (!Files.isDirectory(dir)) {
            createPrivateDir(dir);
        }
    }

    private static void createPrivateDir(Path path) throws IOException {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
            // Another client made it meanwhile.
        }
    }
}
