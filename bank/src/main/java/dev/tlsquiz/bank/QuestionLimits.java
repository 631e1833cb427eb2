package dev.tlsquiz.bank;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks one question against {@link BankLimits}: lengths in UTF-8 bytes, as the wire counts them, and
 * the sizes of the PROBLEM and VERDICT frames that will carry it (PROTOCOL.md section 4).
 */
final class QuestionLimits {

    /** PROBLEM: type, problemId u32, round u16, rounds u16, timeLimitMillis u32, text length u16, choiceCount u8. */
    private static final int PROBLEM_FIXED_BYTES = 1 + 4 + 2 + 2 + 4 + 2 + 1;
    /** Each choice: its u16 length. */
    private static final int CHOICE_OVERHEAD_BYTES = 2;
    /** VERDICT: type, problemId u32, outcome u8, expected length u16, points u32, score u32, feedback length u16. */
    private static final int VERDICT_FIXED_BYTES = 1 + 4 + 1 + 2 + 4 + 4 + 2;

    private QuestionLimits() {
    }

    /** One message per limit exceeded, each saying by how much and what to do; empty when the question fits. */
    static List<String> problems(Question question, BankLimits limits) {
        List<String> problems = new ArrayList<>();
        int text = bytes(question.text());
        if (text > limits.maxTextBytes()) {
            problems.add("question text is " + text + " bytes (expected: <= " + limits.maxTextBytes() + "); shorten it");
        }
        List<String> choices = question.choices();
        if (choices.size() > limits.maxChoices()) {
            problems.add(choices.size() + " choices (expected: <= " + limits.maxChoices() + "); remove some");
        }
        int choiceBytes = 0;
        for (int i = 0; i < choices.size(); i++) {
            int size = bytes(choices.get(i));
            choiceBytes += CHOICE_OVERHEAD_BYTES + size;
            if (size > limits.maxChoiceBytes()) {
                problems.add("choice " + (i + 1) + " is " + size + " bytes (expected: <= " + limits.maxChoiceBytes()
                        + "); shorten it");
            }
        }
        int longestFeedback = feedbacks(question).mapToInt(QuestionLimits::bytes).max().orElse(0);
        if (longestFeedback > limits.maxFeedbackBytes()) {
            problems.add("a feedback is " + longestFeedback + " bytes (expected: <= " + limits.maxFeedbackBytes()
                    + "); shorten it");
        }
        int budget = limits.maxFrameBytes() - BankLimits.FRAME_RESERVE_BYTES;
        int problemFrame = PROBLEM_FIXED_BYTES + text + choiceBytes;
        if (problems.isEmpty() && problemFrame > budget) {
            problems.add("question and choices take " + problemFrame + " bytes on the wire (expected: <= " + budget
                    + " in a " + limits.maxFrameBytes() + "-byte frame); shorten them");
        }
        int verdictFrame = VERDICT_FIXED_BYTES + bytes(question.acceptedAnswers()) + verdictFeedbackBytes(question)
                + bytes(question.header().generalFeedback());
        if (problems.isEmpty() && verdictFrame > budget) {
            problems.add("accepted answers and feedback take " + verdictFrame + " bytes on the wire (expected: <= "
                    + budget + " in a " + limits.maxFrameBytes() + "-byte frame); accept fewer answers");
        }
        return problems;
    }

    /** Every feedback the bank wrote for this question, general feedback included. */
    private static Stream<String> feedbacks(Question question) {
        Stream<String> perAnswer;
        if (question instanceof OneChoiceQuestion q) {
            perAnswer = q.options().stream().map(Choice::feedback);
        } else if (question instanceof SeveralChoicesQuestion q) {
            perAnswer = q.options().stream().map(Choice::feedback);
        } else if (question instanceof TrueFalseQuestion q) {
            perAnswer = Stream.of(q.feedbackWhenWrong(), q.feedbackWhenRight());
        } else if (question instanceof ShortAnswerQuestion q) {
            perAnswer = q.answers().stream().map(ShortAnswerQuestion.AcceptedText::feedback);
        } else if (question instanceof NumericalQuestion q) {
            perAnswer = q.answers().stream().map(NumericalQuestion.NumericAnswer::feedback);
        } else {
            perAnswer = Stream.of();
        }
        return Stream.concat(perAnswer, Stream.of(question.header().generalFeedback()));
    }

    /** The longest feedback one VERDICT carries: for several choices, every choice's feedback, one per line. */
    private static int verdictFeedbackBytes(Question question) {
        if (question instanceof SeveralChoicesQuestion q) {
            return bytes(String.join("\n", q.options().stream().map(Choice::feedback).filter(f -> !f.isEmpty()).toList()));
        }
        return feedbacks(question).mapToInt(QuestionLimits::bytes).max().orElse(0);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
