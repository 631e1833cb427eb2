package dev.tlsquiz.bank;

import static dev.tlsquiz.bank.BankFixtures.gift;
import static dev.tlsquiz.bank.BankFixtures.lines;
import static dev.tlsquiz.bank.BankFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GiftParserTest {

    private static final BigDecimal FULL = BigDecimal.valueOf(100);

    private static ParsedBank everyConstruct() {
        return new BankReader(BankLimits.defaults()).parse(BankFixtures.resource("every-construct.gift"), BankFormat.GIFT);
    }

    @Test
    void parse_whenEveryConstruct_thenExpectedQuestionsAndSkipWarnings() {
        ParsedBank bank = everyConstruct();

        assertTrue(bank.valid(), () -> String.join("\n", lines(bank)));
        assertEquals(List.of(
                "f:42:1: warning: skipped an essay question ({}); a quiz can only ask questions it can judge",
                "f:44:1: warning: skipped a matching question (->); a terminal quiz cannot ask it",
                "f:46:1: warning: skipped a description (no answer block {...}); a quiz question needs one"),
                lines(bank));
        List<Question> q = bank.questions();
        assertEquals(11, q.size());

        assertEquals(new OneChoiceQuestion(
                new QuestionHeader("What is the capital of France?", "Capital of France", "geography/europe", "", 0,
                        new SourcePosition(6, 1)),
                List.of(new Choice("Paris", FULL, "Right, Paris."),
                        new Choice("Lyon", BigDecimal.ZERO, "Lyon is the second city."),
                        new Choice("Marseille", BigDecimal.ZERO, ""))), q.get(0));

        assertEquals(new SeveralChoicesQuestion(
                new QuestionHeader("Which of these are prime?", "Primes", "geography/europe", "", 0, new SourcePosition(12, 1)),
                List.of(new Choice("2", new BigDecimal("50"), "2 is prime"), new Choice("3", new BigDecimal("50"), ""),
                        new Choice("4", new BigDecimal("-100"), "4 = 2 × 2"))), q.get(1));

        assertEquals(new TrueFalseQuestion(new QuestionHeader("The sun rises in the east.", "", "geography/europe", "", 0,
                new SourcePosition(18, 1)), true, "No: it does.", "Yes."), q.get(2));
        assertEquals(new TrueFalseQuestion(new QuestionHeader("Water boils at 50 °C at sea level.", "", "geography/europe",
                "", 0, new SourcePosition(20, 1)), false, "", ""), q.get(3));

        ShortAnswerQuestion colours = (ShortAnswerQuestion) q.get(4);
        assertEquals("misc", colours.header().category());
        assertEquals(List.of(new ShortAnswerQuestion.AcceptedText("red", FULL, ""),
                new ShortAnswerQuestion.AcceptedText("blue", FULL, "fine"),
                new ShortAnswerQuestion.AcceptedText("yellow", new BigDecimal("50"), "in paint"),
                new ShortAnswerQuestion.AcceptedText("green", new BigDecimal("0"), "no")), colours.answers());

        assertEquals(List.of(NumericalQuestion.NumericAnswer.around(new BigDecimal("3.14"), new BigDecimal("0.01"), FULL, "")),
                ((NumericalQuestion) q.get(5)).answers());
        assertEquals("3.14 ± 0.01", q.get(5).acceptedAnswers());
        assertEquals(List.of(NumericalQuestion.NumericAnswer.between(BigDecimal.ONE, new BigDecimal("5"), FULL, "")),
                ((NumericalQuestion) q.get(6)).answers());
        assertEquals(List.of(
                NumericalQuestion.NumericAnswer.around(new BigDecimal("42"), BigDecimal.ZERO, FULL, "exactly"),
                NumericalQuestion.NumericAnswer.between(new BigDecimal("40"), new BigDecimal("44"), new BigDecimal("50"), "close")),
                ((NumericalQuestion) q.get(7)).answers());

        assertEquals("Grant is _____ in Grant's tomb.", q.get(8).text());
        assertEquals(List.of("buried", "entombed", "living"), q.get(8).choices());

        ShortAnswerQuestion escapes = (ShortAnswerQuestion) q.get(9);
        assertEquals("Escapes:: in text", escapes.header().title());
        assertEquals("1 = 1, {braces} and ~tilde#\nsecond line?", escapes.text());
        assertEquals(List.of(new ShortAnswerQuestion.AcceptedText("a=b", FULL, "equals# sign")), escapes.answers());

        TrueFalseQuestion html = (TrueFalseQuestion) q.get(10);
        assertEquals("Is this <bold>?", html.text());
        assertEquals("Tags are removed.", html.header().generalFeedback());
    }

    @Test
    void parse_whenCrLfAndBom_thenSameAsLf() {
        String lf = "Q1 {=a ~b}\n\n// c\nQ2 {T}\n";
        ParsedBank expected = gift(lf);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] crlf = lf.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + crlf.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(crlf, 0, both, 3, crlf.length);

        ParsedBank actual = new BankReader(BankLimits.defaults()).parse(both, BankFormat.GIFT);

        assertEquals(expected, actual);
        assertEquals(2, actual.questions().size());
    }

    @Test
    void parse_whenLoneCarriageReturns_thenTheyEndLines() {
        ParsedBank bank = gift("Q1 {=a ~b}\r\rQ2 {#x}\r");

        assertEquals(List.of("f:3:6: 'x' is not a number; write digits with a decimal dot, such as 3.14"), lines(bank));
        assertEquals(1, bank.questions().size());
    }

    @Test
    void parse_whenCommentLineInsideBlock_thenLeftOut() {
        ShortAnswerQuestion q = only(gift("Say {\n=yes\n// not an answer\n=oui\n}"), ShortAnswerQuestion.class);

        assertEquals("yes or oui", q.acceptedAnswers());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Q {=a ~b|f:1:3: unclosed '{': the answer block needs a '}' before the next blank line",
            "Q {~a ~b}|f:1:3: no right answer: mark one with '=' or give right choices a positive weight, such as ~%50%",
            "Q {#abc}|f:1:5: 'abc' is not a number; write digits with a decimal dot, such as 3.14",
            "Q {#=1 =x:1}|f:1:9: 'x' is not a number; write digits with a decimal dot, such as 3.14",
            "Q {#5..1}|f:1:5: range 5..1 runs backwards; write the lower bound first",
            "Q {#3:-1}|f:1:5: tolerance -1 is negative; write it without a sign, such as {#3.14:0.01}",
            "Q {=a ~}|f:1:7: empty answer after '~'; write the answer, or escape the character as \\~",
            "Q {=a ~%150%b}|f:1:8: weight %150% is outside -100..100",
            "Q {=a ~%x%b}|f:1:8: weight %x% is not a percentage; write one from -100 to 100, such as %50%",
            "Q {=a ~%50 b}|f:1:8: weight not closed; write it as %50%",
            "Q {Paris}|f:1:4: an answer starts with '=' (right) or '~' (wrong); for true/false write {T} or {F}",
            "Q {T#a#b#c}|f:1:9: true/false takes at most two feedbacks: {T#when wrong#when right}",
            "::T Q {T}|f:1:1: title not closed: write ::title:: before the question text",
            "Q {=a} and {=b}|f:1:12: a second answer block; a question has one {...} (write \\{ for a literal brace)",
            "Q {=a {=b}}|f:1:7: '{' inside an answer block; close the block with '}' first, or write \\{ for a literal brace",
            "Q } {=a}|f:1:3: '}' without '{'; write \\} for a literal brace",
            "{=a ~b}|f:1:1: the question has no text; write it before the answer block",
            "Q {#}|f:1:5: empty numerical answer; write a number, such as {#42}",
            "Q {=%0%a}|f:1:3: no right answer: give at least one answer a positive weight",
    })
    void parse_whenMistake_thenOneErrorAtItsLineAndColumn(String text, String expected) {
        ParsedBank bank = gift(text);

        assertFalse(bank.valid());
        assertEquals(List.of(expected), lines(bank));
        assertEquals(List.of(), bank.questions());
    }

    @Test
    void parse_whenSeveralBrokenQuestions_thenEveryErrorAndTheGoodOnesKept() {
        ParsedBank bank = gift("Good {T}\n\nBad {=a\n\n  Also bad {#x}\n\nGood too {=y}\n\nQ {~a ~b}");

        assertEquals(List.of(
                "f:3:5: unclosed '{': the answer block needs a '}' before the next blank line",
                "f:5:14: 'x' is not a number; write digits with a decimal dot, such as 3.14",
                "f:9:3: no right answer: mark one with '=' or give right choices a positive weight, such as ~%50%"),
                lines(bank));
        assertEquals(3, bank.errorCount());
        assertEquals(List.of("Good", "Good too"), bank.questions().stream().map(Question::text).toList());
    }

    @Test
    void parse_whenErrorOnLaterLineOfQuestion_thenThatLineAndColumn() {
        ParsedBank bank = gift("// header\n\n::t::\nQ {\n  =a\n  ~%abc%b\n}");

        assertEquals(List.of("f:6:4: weight %abc% is not a percentage; write one from -100 to 100, such as %50%"), lines(bank));
    }

    @Test
    void parse_whenTrueFalseSpellings_thenEachRead() {
        for (String word : List.of("T", "TRUE", "true", "t")) {
            assertTrue(only(gift("Q {" + word + "}"), TrueFalseQuestion.class).truth(), word);
        }
        for (String word : List.of("F", "FALSE", "False", "f")) {
            assertFalse(only(gift("Q {" + word + "}"), TrueFalseQuestion.class).truth(), word);
        }
    }

    @Test
    void parse_whenSingleNumberWithFeedback_thenFeedbackKept() {
        NumericalQuestion q = only(gift("Q {#42 # the answer}"), NumericalQuestion.class);

        assertEquals("the answer", q.answers().get(0).feedback());
        assertEquals("42", q.acceptedAnswers());
    }

    @Test
    void parse_whenHtmlEntitiesAndBreaks_thenPlainText() {
        assertEquals("a\nb & c &unknown; <", only(gift("[html]a<br/>b &amp; c &unknown; &lt;{T}"), TrueFalseQuestion.class).text());
    }
}
