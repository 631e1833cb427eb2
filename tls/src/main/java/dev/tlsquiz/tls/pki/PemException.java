package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A PEM file could not be read or did not hold what was expected. The message names the file and
 * says what to do, so it can be shown to an operator as it is.
 */
public final class PemException extends IOException {

    private final transient Path file;

    public PemException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public PemException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be used. */
    public Path file() {
        return file;
    }
}
