package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.tls.pki.SecureFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data folder and the SQLite file in it, private from the start: the folder is created 0700 and
 * the database file 0600 before SQLite opens it (SQLite gives its -wal and -shm files the database
 * file's mode). Results hold player names, answers and, with {@code --store-addresses}, addresses.
 */
final class SqliteFiles {

    private SqliteFiles() {
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
