package dev.tlsquiz.client;

import java.util.Objects;

/**
 * A failure that ends a {@code quiz} run, already translated for the user: one line that says
 * what happened and what to do next, the exit code, and a stable name for scripts (the JSON
 * {@code error} event). The original exception stays attached as the cause for {@code --verbose}.
 */
public final class ClientFailure extends RuntimeException {

    private final int exitCode;
    private final String name;
    private final Integer protocolCode;

    /**
     * @param exitCode     one of {@link ExitCodes}
     * @param name         a stable upper-case name, such as {@code CONNECTION_REFUSED} or an
     *                     {@code ErrorCode} name
     * @param protocolCode the wire error code when the failure carries one, else {@code null}
     * @param message      the one line shown to the user
     * @param cause        the underlying exception, or {@code null}
     */
    public ClientFailure(int exitCode, String name, Integer protocolCode, String message,
                         Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.exitCode = exitCode;
        this.name = Objects.requireNonNull(name, "name");
        this.protocolCode = protocolCode;
    }

    /** A failure without a wire error code. */
    public ClientFailure(int exitCode, String name, String message, Throwable cause) {
        this(exitCode, name, null, message, cause);
    }

    /** The process exit code, one of {@link ExitCodes}. */
    public int exitCode() {
        return exitCode;
    }

    /** A stable upper-case name of the failure. */
    public String name() {
        return name;
    }

    /** The wire error code, or {@code null} when the failure did not come with one. */
    public Integer protocolCode() {
        return protocolCode;
    }
}
