package dev.tlsquiz.tls.pki;

/** Whether writing a key or certificate file may replace one that is already there. */
public enum WriteMode {
    /** Refuse with {@link ExistingFileException} when the file exists: the default everywhere. */
    CREATE_NEW,
    /** Replace an existing file atomically: only when the operator asked for it (a --force flag). */
    REPLACE
}
