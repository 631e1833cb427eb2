package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serialises the changes to one certs folder, between threads and between processes (two servers sharing
 * the folder, a server starting while {@code quiz-server certs} runs). A change reads files, decides, and
 * writes several of them: a CRL gains an entry, a key and its certificate are replaced together. Two at
 * once would lose a revocation or pair a key with another key's certificate.
 *
 * <p>The lock is an OS file lock on {@value #FILE_NAME} in the folder. That file is empty, mode 0600, a dot
 * file that is neither {@code .pem} nor {@code .key} (nothing that lists certificates takes it for one), and
 * is never deleted: deleting it would let two processes lock two different files. The OS releases the lock
 * when its process ends, so a crash never leaves the folder locked. A file lock belongs to the whole JVM
 * (a second one on the same file fails instead of waiting), so within a JVM a reentrant lock per folder
 * comes first, and only its outermost holder takes the file lock.
 *
 * <p>Waiting is bounded ({@link #MAX_WAIT}); whoever waits says so once in the log. Never call this on an
 * event loop: it blocks.
 */
final class CertsFolderLock implements AutoCloseable {

    /** The lock file's name in the certs folder. */
    static final String FILE_NAME = ".lock";
    /** The longest wait for another process's change; changes take milliseconds. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(CertsFolderLock.class);
    private static final long POLL_MILLIS = 50;
    /** One entry per folder (by real path) this JVM ever locked: a handful, for the life of the process. */
    private static final Map<Path, Holder> HOLDERS = new ConcurrentHashMap<>();

    /** This JVM's hold on one folder: the reentrant lock, and the file lock its outermost holder took. */
    private static final class Holder {
        final ReentrantLock lock = new ReentrantLock();
        /** Guarded by {@link #lock}; open while the file lock is held. */
        FileChannel channel;
    }

    private final Holder holder;

    private CertsFolderLock(Holder holder) {
        this.holder = holder;
    }

    /**
     * Locks {@code dir} (created 0700 if missing) for the calling thread; reentrant.
     *
     * @throws IOException when another process holds the lock for longer than {@link #MAX_WAIT}, or the lock
     *                     file cannot be opened
     */
    static CertsFolderLock acquire(Path dir) throws IOException {
        SecureFiles.createPrivateDirectories(dir);
        Holder holder = HOLDERS.computeIfAbsent(dir.toRealPath(), key -> new Holder());
        holder.lock.lock();
        if (holder.lock.getHoldCount() == 1) {
            try {
                holder.channel = lockFile(dir);
            } catch (IOException | RuntimeException e) {
                holder.lock.unlock();
                throw e;
            }
        }
        return new CertsFolderLock(holder);
    }

    /** Releases this hold; the file lock goes with the outermost one. */
    @Override
    public void close() throws IOException {
        try {
            if (holder.lock.getHoldCount() == 1) {
                FileChannel channel = holder.channel;
                holder.channel = null;
                // Closing the channel releases its file lock.
                channel.close();
            }
        } finally {
            holder.lock.unlock();
        }
    }

    private static FileChannel lockFile(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileAttribute<?>[] ownerOnly = Files.getFileStore(dir).supportsFileAttributeView("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(SecureFiles.OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        FileChannel channel = FileChannel.open(file, options, ownerOnly);
        try {
            waitForLock(channel, dir, file);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void waitForLock(FileChannel channel, Path dir, Path file) throws IOException {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        boolean told = false;
        while (tryLock(channel) == null) {
            if (!told) {
                LOG.info("waiting for another process to finish changing {} (it holds {})", dir, file);
                told = true;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("another process has been changing " + dir
                        + " for over " + MAX_WAIT.toSeconds() + " s (it holds " + file
                        + "); try again when it has finished");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + file);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldElsewhereInThisJvm) {
            // Another channel of this JVM (not through this class) holds it: wait as for another process.
            return null;
        }
    }
}
