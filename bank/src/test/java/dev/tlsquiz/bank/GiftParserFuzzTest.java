package dev.tlsquiz.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of the bank readers: any bytes, read as GIFT and as CSV, give
 * questions or diagnostics and nothing else: no exception, no hang (Jazzer's timeout in a fuzzing
 * session), every position inside the file, no question that breaks a limit, and every question judges
 * any answer (here the input itself and a few fixed ones) without throwing.
 *
 * <p>The limits are small so that the fuzzer reaches the limit checks with short inputs.
 *
 * <p>{@code mvn -B verify} replays the committed corpus in {@code GiftParserFuzzTestInputs/}. A fuzzing
 * session, as SECURITY.md describes for the other fuzz tests:
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl bank test -Dtest=GiftParserFuzzTest -Djazzer.hooks=true -Djazzer.max_duration=5m
 * </pre>
 */
class GiftParserFuzzTest {

    private static final BankLimits SMALL = new BankLimits(64 * 1024, 50, 200, 8, 40, 40, 512);
    private static final List<String> ANSWERS = List.of("a", "2", "a,c", "b, a", "3.14", "-1", "true", "x", "", "z,z");

    @FuzzTest(maxDuration = "5m")
    void parse_whenAnyBytes_thenQuestionsOrDiagnosticsOnly(byte[] input) {
        for (BankFormat format : BankFormat.values()) {
            ParsedBank bank = new BankReader(SMALL).parse(input, format);
            check(bank, input);
        }
    }

    private static void check(ParsedBank bank, byte[] input) {
        assertEquals(bank.errorCount() == 0, bank.valid());
        assertTrue(bank.diagnostics().size() <= 2 * Diagnostics.MAX_KEPT, "diagnostics kept");
        assertTrue(bank.questions().size() <= SMALL.maxQuestions(), "questions");
        int lines = 1;
        for (int i = 0; i < input.length; i++) {
            // LF, CRLF or a lone CR, as LineIndex counts them
            lines += input[i] == '\n' || (input[i] == '\r' && (i + 1 == input.length || input[i + 1] != '\n')) ? 1 : 0;
        }
        for (Diagnostic diagnostic : bank.diagnostics()) {
            assertTrue(diagnostic.position().line() <= lines, diagnostic.format("input"));
            assertTrue(!diagnostic.message().isEmpty() && diagnostic.message().indexOf('\n') < 0, diagnostic.format("input"));
        }
        String asAnswer = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        for (Question question : bank.questions()) {
            assertEquals(List.of(), QuestionLimits.problems(question, SMALL));
            assertTrue(question.header().position().line() <= lines, question::toString);
            for (String answer : ANSWERS) {
                assertNotNull(question.judge(answer));
            }
            // The client's local check and the judge agree; true/false also takes the words true/false/t/f
            boolean notAnAnswer = question.judge(asAnswer).outcome() == Outcome.NOT_AN_ANSWER;
            boolean refusedLocally = AnswerForms.problem(question.format(), question.choices().size(), asAnswer).isPresent();
            if (question instanceof TrueFalseQuestion) {
                assertTrue(!notAnAnswer || refusedLocally, question::toString);
            } else {
                assertEquals(refusedLocally, notAnAnswer, question::toString);
            }
        }
    }
}
