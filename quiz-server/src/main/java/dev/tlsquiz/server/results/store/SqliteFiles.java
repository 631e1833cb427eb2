package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.tls.pki.SecureFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data folder and the SQLite file in it, private from the start: the folder is created 0700 and
 * the database file 0600 before SQLite opens it (SQLite gives its -wal and -shm files the database
 * file's mode). Results hold player names, answers and, with {@code --store-addresses}, addresses.
 */
final class SqliteFiles {

    private SqliteFiles() {
    }

    /** The lock file next to the database that serialises migrations between processes. */
    static final String MIGRATION_LOCK = ".results.db.migration-lock";

    private static final Object IN_PROCESS = new Object();

    /** Something to do while holding the migration lock. */
    @FunctionalInterface
    interface Locked {
        void run() throws GameStoreException;
    }

    /**
     * Runs {@code work} holding an exclusive lock on a file of its own beside the database (never the
     * database file: SQLite's own POSIX locks on it would be released by any other descriptor's close).
     * Flyway cannot lock an SQLite database, so without this a server and a results command opening a new
     * database at the same moment could both try to create its tables.
     */
    static void withMigrationLock(DatabaseLocation.Sqlite location, Locked work) throws GameStoreException {
        Path lockFile = location.dataDir().resolve(MIGRATION_LOCK);
        // A file lock excludes other processes only; within this one, a second lock() on the same file would
        // throw instead of waiting, so threads queue here first.
        synchronized (IN_PROCESS) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                work.run();
            } catch (IOException e) {
                throw new GameStoreException("cannot lock " + lockFile + " to prepare the results database: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Creates the folder and an empty database file where missing. */
    static void prepare(DatabaseLocation.Sqlite location) throws GameStoreException {
        Path file = location.file();
        try {
            if (Files.exists(location.dataDir()) && !Files.isDirectory(location.dataDir())) {
                throw new GameStoreException(location.dataDir() + " is not a folder; give --data-dir a folder"
                        + " for the results database");
            }
            SecureFiles.createPrivateDirectories(location.dataDir());
            if (!Files.exists(file)) {
                createPrivateFile(file);
            }
        } catch (IOException e) {
            throw new GameStoreException("cannot create the results database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createPrivateFile(Path file) throws IOException {
        try {
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(SecureFiles.OWNER_ONLY_FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // Another process (a server, a results command) created it first: theirs is as good.
        }
    }
}
