package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes key and certificate files so that a key is never readable by anyone but its owner, not even
 * for a moment, and never replaced by accident.
 *
 * <p>Every file is written to a temporary file in the same folder that is created with its final
 * permissions (0600 for secrets, 0644 for certificates), synced, and then moved into place atomically:
 * a reader sees the old file or the new one, never half of one. Missing folders are created 0700. An
 * existing file is only replaced with {@link WriteMode#REPLACE}; otherwise {@link ExistingFileException}.
 *
 * <p>On a file system without POSIX permissions (e.g. FAT, some Windows mounts) the permission steps
 * are skipped with a logged warning: there is nothing to set and nothing to check.
 */
public final class SecureFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SecureFiles.class);

    /** rw------- for private keys. */
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** rw-r--r-- for certificates and CRLs, which are public. */
    public static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");
    /** rwx------ for folders this class creates. */
    public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private SecureFiles() {
    }

    /** Writes a secret (a private key): mode 0600 from the moment the file exists. */
    public static void writeSecret(Path file, byte[] content, WriteMode mode) throws IOException {
        write(file, content, OWNER_ONLY_FILE, mode);
    }

    /** Writes a public file (a certificate or CRL): mode 0644. */
    public static void writePublic(Path file, byte[] content, WriteMode mode) throws IOException {
        write(file, content, PUBLIC_FILE, mode);
    }

    /**
     * Creates {@code dir} and any missing parents with mode 0700. Folders that already exist are left
     * as they are.
     */
    public static void createPrivateDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (supportsPosix(nearestExisting(absolute))) {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(absolute);
        }
    }

    /**
     * Refuses a private key file that group or others have any permission on.
     *
     * @throws InsecureKeyFileException with the {@code chmod 600} fix in its message
     * @throws NoSuchFileException      when the file does not exist
     */
    public static void requireOwnerOnly(Path keyFile) throws IOException {
        Optional<Set<PosixFilePermission>> permissions = permissions(keyFile);
        if (permissions.isEmpty()) {
            LOG.warn("Cannot check who may read {}: the file system has no POSIX permissions", keyFile);
            return;
        }
        Set<PosixFilePermission> exposed = EnumSet.noneOf(PosixFilePermission.class);
        exposed.addAll(permissions.get());
        exposed.retainAll(GROUP_OR_OTHERS);
        if (!exposed.isEmpty()) {
            throw new InsecureKeyFileException(keyFile, toMode(permissions.get()));
        }
    }

    /**
     * The permissions of {@code file}, or empty on a file system without POSIX permissions.
     *
     * @throws NoSuchFileException when the file does not exist
     */
    public static Optional<Set<PosixFilePermission>> permissions(Path file) throws IOException {
        if (!supportsPosix(file)) {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            return Optional.empty();
        }
        return Optional.of(Files.getPosixFilePermissions(file));
    }

    /** The permission bits as a number, e.g. 0644 (420 decimal) for rw-r--r--. */
    public static int toMode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            // The enum is declared in the order OWNER_READ .. OTHERS_EXECUTE, i.e. from bit 8 down to bit 0.
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    private static void write(Path file, byte[] content, Set<PosixFilePermission> permissions, WriteMode mode)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mode, "mode");
        if (mode == WriteMode.CREATE_NEW && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw ExistingFileException.of(file);
        }
        Path parent = file.toAbsolutePath().getParent();
        createPrivateDirectories(parent);
        boolean posix = supportsPosix(parent);
        if (!posix) {
            LOG.warn("{} is on a file system without POSIX permissions; it is written without restricting "
                    + "who may read it", file);
        }
        Path temp = parent.resolve("." + file.getFileName() + "." + randomSuffix() + ".tmp");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
        // Created with its final mode, so a key is never readable by others, not even before a chmod.
        Files.createFile(temp, attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (posix) {
                // The umask may have removed bits (e.g. 0644 -> 0600 under umask 077); never add any back
                // for secrets, and give public files their intended mode.
                Set<PosixFilePermission> actual = Files.getPosixFilePermissions(temp);
                if (permissions.equals(PUBLIC_FILE) && !actual.equals(PUBLIC_FILE)) {
                    Files.setPosixFilePermissions(temp, PUBLIC_FILE);
                }
            }
            moveIntoPlace(temp, file, mode);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path file, WriteMode mode) throws IOException {
        if (mode == WriteMode.REPLACE) {
            moveAtomically(temp, file);
            return;
        }
        try {
            // A hard link fails if the target exists, so two writers can never both "create" the file.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            throw ExistingFileException.of(file);
        } catch (UnsupportedOperationException | FileSystemException e) {
            // No hard links here (e.g. some mounted file systems): check, then rename.
            if (Files.exists(file)) {
                throw ExistingFileException.of(file);
            }
            moveAtomically(temp, file);
        }
    }

    private static void moveAtomically(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.warn("Cannot replace {} atomically on this file system; replacing it in place", file);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean supportsPosix(Path path) throws IOException {
        Path existing = nearestExisting(path.toAbsolutePath());
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    }

    private static Path nearestExisting(Path path) {
        Path current = path;
        while (current != null && !Files.exists(current)) {
            current = current.getParent();
        }
        return current;
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[6];
        TEMP_NAMES.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
