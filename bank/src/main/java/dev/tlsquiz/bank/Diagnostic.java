package dev.tlsquiz.bank;

import java.util.Objects;

/**
 * One problem found in a bank file: an error (the file is invalid) or a warning (a question was
 * skipped, the rest is served).
 *
 * @param message one line saying what is wrong and what to do; it may quote file content, so a caller
 *     shows it through the terminal sanitiser or the log escaper
 */
public record Diagnostic(Severity severity, SourcePosition position, String message) {

    /** Whether the file can still be served. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }

    /** {@code FILE:LINE:COLUMN: message}, warnings as {@code FILE:LINE:COLUMN: warning: message}. */
    public String format(String file) {
        return file + ":" + position + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
