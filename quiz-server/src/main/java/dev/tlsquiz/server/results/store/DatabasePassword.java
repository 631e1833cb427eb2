package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.tls.pki.InsecureKeyFileException;
import dev.tlsquiz.tls.pki.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL password, read when the store opens: from a file that only its owner may read
 * (refused otherwise, as a private key is), else from {@value #ENVIRONMENT}, else none (trust or peer
 * authentication). Never from a command line, where every user of the machine could read it.
 */
public final class DatabasePassword {

    /** The environment variable that may hold the password. */
    public static final String ENVIRONMENT = "TLSQUIZ_DATABASE_PASSWORD";

    /** More than any password; a bigger file is not a password file. */
    static final int MAX_FILE_BYTES = 4096;

    private DatabasePassword() {
    }

    /**
     * The password for {@code location}: the file's first line when a file is named, else the
     * environment's value, else empty.
     *
     * @throws GameStoreException when the file is missing, unreadable, too big, or readable by group or
     *                            others; the message says how to fix it
     */
    public static Optional<String> read(DatabaseLocation.Postgres location, Map<String, String> environment)
            throws GameStoreException {
        Path file = location.passwordFile();
        if (file == null) {
            String value = environment.get(ENVIRONMENT);
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
        try {
            SecureFiles.requireOwnerOnly(file);
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new GameStoreException("the database password file " + file + " holds more than "
                        + MAX_FILE_BYTES + " bytes; it should hold only the password");
            }
            String content = Files.readString(file, StandardCharsets.UTF_8);
            String firstLine = content.lines().findFirst().orElse("");
            if (firstLine.isEmpty()) {
                throw new GameStoreException("the database password file " + file + " is empty; write the"
                        + " password on its first line");
            }
            return Optional.of(firstLine);
        } catch (InsecureKeyFileException e) {
            throw new GameStoreException("the database password file " + e.getMessage() + "; make it"
                    + " private with: chmod 600 " + file);
        } catch (NoSuchFileException e) {
            throw new GameStoreException("the database password file " + file + " does not exist; check"
                    + " --database-password-file");
        } catch (IOException e) {
            throw new GameStoreException("cannot read the database password file " + file + ": " + e.getMessage(), e);
        }
    }
}
