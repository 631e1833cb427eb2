package dev.tlsquiz.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the errors and warnings of one file, keeping at most a fixed number of each: a hostile file
 * (a million broken lines) must not turn into a million-line report or a heap full of messages. The
 * counts stay exact.
 */
final class Diagnostics {

    /** Enough to fix a file; the rest are counted. */
    static final int MAX_KEPT = 100;

    private final List<Diagnostic> kept = new ArrayList<>();
    private int errors;
    private int warnings;

    void error(SourcePosition at, String message) {
        errors++;
        keep(new Diagnostic(Diagnostic.Severity.ERROR, at, message), errors);
    }

    void warning(SourcePosition at, String message) {
        warnings++;
        keep(new Diagnostic(Diagnostic.Severity.WARNING, at, message), warnings);
    }

    int errorCount() {
        return errors;
    }

    int warningCount() {
        return warnings;
    }

    List<Diagnostic> kept() {
        return List.copyOf(kept);
    }

    private void keep(Diagnostic diagnostic, int countOfItsSeverity) {
        if (countOfItsSeverity <= MAX_KEPT) {
            kept.add(diagnostic);
        }
    }
}
