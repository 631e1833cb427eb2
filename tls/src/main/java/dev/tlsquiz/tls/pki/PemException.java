package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A PEM file could not be read or did not hold what was expected. The message names the file and
 * says what went wrong, so it can be shown to an operator as it is; {@link DevPkiException} carries the
 * development PKI's problems as data for the program to add what to run.
 */
public class PemException extends IOException {

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
