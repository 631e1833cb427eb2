package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A key or certificate file already exists and the caller did not ask to replace it. Files holding
 * keys are never overwritten silently; the message names the file and the flag that replaces it, e.g.
 * {@code certs/ca.key exists; use --force to replace it}.
 */
public final class ExistingFileException extends IOException {

    private final transient Path file;

    public ExistingFileException(Path file, String message) {
        super(message);
        this.file = file;
    }

    /** An exception with the standard message for {@code file}. */
    public static ExistingFileException of(Path file) {
        return new ExistingFileException(file, file + " exists; use --force to replace it");
    }

    /** The file that exists. */
    public Path file() {
        return file;
    }
}
