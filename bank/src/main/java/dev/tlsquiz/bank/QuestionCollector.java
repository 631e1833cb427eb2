package dev.tlsquiz.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * The questions a reader has accepted so far: each checked against {@link BankLimits} (an error per limit
 * exceeded, the question left out) and counted (past {@link BankLimits#maxQuestions()}, one error and the
 * reading stops).
 */
final class QuestionCollector {

    private final BankLimits limits;
    private final Diagnostics diagnostics;
    private final List<Question> questions = new ArrayList<>();

    QuestionCollector(BankLimits limits, Diagnostics diagnostics) {
        this.limits = limits;
        this.diagnostics = diagnostics;
    }

    /** Adds the question if it fits; false when the reader must stop (too many questions). */
    boolean add(Question question) {
        SourcePosition at = question.header().position();
        if (questions.size() == limits.maxQuestions()) {
            diagnostics.error(at, "more than " + limits.maxQuestions() + " questions; split the bank into several files");
            return false;
        }
        List<String> problems = QuestionLimits.problems(question, limits);
        problems.forEach(problem -> diagnostics.error(at, problem));
        if (problems.isEmpty()) {
            questions.add(question);
        }
        return true;
    }

    ParsedBank result() {
        return ParsedBank.of(questions, diagnostics);
    }
}
