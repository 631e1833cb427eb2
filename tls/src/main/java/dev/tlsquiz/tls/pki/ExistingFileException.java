package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A key or certificate file already exists and the caller did not ask to replace it. Files holding
 * keys are never overwritten silently. The message states the fact ({@code certs/ca.key exists}); the
 * {@link #what} tells the program that shows it which way of replacing it to offer.
 */
public final class ExistingFileException extends IOException {

    /** What replacing the file would replace. */
    public enum What {
        /** Just this file. */
        FILE,
        /** A file of the development PKI's CA and server certificate: the whole PKI. */
        DEVELOPMENT_PKI,
        /** A player's client certificate or key, {@code clients/NAME.*}. */
        CLIENT_CERTIFICATE
    }

    private final transient Path file;
    private final What what;

    public ExistingFileException(Path file, What what) {
        super(file + " exists");
        this.file = file;
        this.what = Objects.requireNonNull(what, "what");
    }

    /** An exception for {@code file} alone. */
    public static ExistingFileException of(Path file) {
        return new ExistingFileException(file, What.FILE);
    }

    /** The file that exists. */
    public Path file() {
        return file;
    }

    /** What replacing it would replace. */
    public What what() {
        return what;
    }
}
