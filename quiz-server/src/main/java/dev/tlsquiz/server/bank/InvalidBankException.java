package dev.tlsquiz.server.bank;

import dev.tlsquiz.server.ServerStartException;
import java.util.List;

/**
 * A question bank cannot be served: a file is missing or unreadable, has errors, or the banks hold no
 * question (of the {@code --category} asked for). {@link #lines()} are what {@code quiz-server bank check}
 * prints for it ({@code FILE:LINE:COLUMN: message}); the message is their first line.
 */
public final class InvalidBankException extends ServerStartException {

    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    public InvalidBankException(List<String> lines) {
        super(Reason.INVALID_BANK, lines.isEmpty() ? "invalid question bank" : lines.get(0), null);
        this.lines = List.copyOf(lines);
    }

    /** Every line to show, the file's own text unescaped: a caller escapes it for where it goes. */
    public List<String> lines() {
        return lines;
    }
}
