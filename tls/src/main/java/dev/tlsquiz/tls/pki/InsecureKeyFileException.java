package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A private key file can be read by users other than its owner. The message states the fact, e.g.
 * {@code certs/server.key is readable by group/others (mode 0644)}; the program that shows it adds the fix.
 */
public final class InsecureKeyFileException extends IOException {

    private final transient Path file;
    private final int mode;

    public InsecureKeyFileException(Path file, int mode) {
        super(String.format("%s is readable by group/others (mode %04o)", file, mode));
        this.file = file;
        this.mode = mode;
    }

    /** The key file. */
    public Path file() {
        return file;
    }

    /** Its permission bits, e.g. {@code 0644} (octal). */
    public int mode() {
        return mode;
    }
}
