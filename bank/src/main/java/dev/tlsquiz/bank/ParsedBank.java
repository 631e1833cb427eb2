package dev.tlsquiz.bank;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What reading one bank file gave: its questions, and its errors and warnings in file order (at most
 * {@value Diagnostics#MAX_KEPT} of each are kept; {@link #errorCount()} and {@link #warningCount()} are
 * exact). The file is valid, and may be served, when there is no error.
 *
 * @param questions the questions read, in file order; when there are errors, only those without one
 */
public record ParsedBank(List<Question> questions, List<Diagnostic> diagnostics, int errorCount, int warningCount) {

    public ParsedBank {
        questions = List.copyOf(questions);
        diagnostics = List.copyOf(diagnostics);
        if (errorCount < 0 || warningCount < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    static ParsedBank of(List<Question> questions, Diagnostics diagnostics) {
        return new ParsedBank(questions, diagnostics.kept(), diagnostics.errorCount(), diagnostics.warningCount());
    }

    /** Whether the file may be served: no errors (warnings allowed). */
    public boolean valid() {
        return errorCount == 0;
    }

    /** The errors kept, in file order. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }

    /** The warnings kept, in file order. */
    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).toList();
    }

    /** How many questions of each kind, every kind present (0 when none). */
    public Map<QuestionKind, Integer> countsByKind() {
        Map<QuestionKind, Integer> counts = new EnumMap<>(QuestionKind.class);
        for (QuestionKind kind : QuestionKind.values()) {
            counts.put(kind, 0);
        }
        for (Question question : questions) {
            counts.merge(Objects.requireNonNull(question.kind()), 1, Integer::sum);
        }
        return counts;
    }
}
