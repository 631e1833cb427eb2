package dev.tlsquiz.bank;

import static dev.tlsquiz.bank.BankFixtures.csv;
import static dev.tlsquiz.bank.BankFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KahootCsvReaderTest {

    private static final BigDecimal FULL = BigDecimal.valueOf(100);
    private static final BigDecimal NONE = BigDecimal.ZERO;

    @Test
    void parse_whenKahootTemplateRows_thenQuestionsWithTimeLimits() {
        ParsedBank bank = new BankReader(BankLimits.defaults()).parse(BankFixtures.resource("every-construct.csv"), BankFormat.CSV);

        assertTrue(bank.valid(), () -> String.join("\n", lines(bank)));
        assertEquals(List.of(), bank.diagnostics());
        List<Question> q = bank.questions();
        assertEquals(4, q.size());
        assertEquals(new OneChoiceQuestion(new QuestionHeader("What is 2 + 2?", "", "", "", 20, new SourcePosition(2, 1)),
                List.of(new Choice("3", NONE, ""), new Choice("4", FULL, ""), new Choice("5", NONE, ""))), q.get(0));
        assertEquals(new SeveralChoicesQuestion(new QuestionHeader("Which are even, \"really\"?", "", "", "", 30,
                new SourcePosition(3, 1)),
                List.of(new Choice("1", NONE, ""), new Choice("2", FULL, ""), new Choice("3", NONE, ""),
                        new Choice("4", FULL, ""))), q.get(1));
        assertEquals("A question\non two lines", q.get(2).text());
        assertEquals(0, q.get(2).header().timeLimitSeconds());
        assertEquals(new SourcePosition(4, 1), q.get(2).header().position());
        assertEquals(new SourcePosition(7, 1), q.get(3).header().position());
        assertEquals(45, q.get(3).header().timeLimit().getAsInt());
        assertEquals("b) 2, d) 4", q.get(1).acceptedAnswers());
        assertEquals(Outcome.CORRECT, q.get(1).judge("d,b").outcome());
    }

    @Test
    void parse_whenNoHeader_thenFirstRowIsAQuestion() {
        assertEquals(1, csv("Q,a,b,,,,1\n").questions().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "Q,a,b,c|f:1:5: missing column 5 (Answer 4); a row has 7 columns: Question, Answer 1..4, Time limit (sec), Correct answer(s)",
            "Q,a,b,,,20|f:1:7: missing column 7 (Correct answer(s)); a row has 7 columns: Question, Answer 1..4, Time limit (sec), Correct answer(s)",
            "Q,a,b,,,20,1,x|f:1:8: unexpected text in column 8; a row has 7 columns: Question, Answer 1..4, Time limit (sec), Correct answer(s)",
            "Q,,b,,,20,1|f:1:2: Answer 1 is empty; a question needs at least two answers",
            "Q,a,,c,,20,1|f:1:3: Answer 2 is empty; a question needs at least two answers",
            "Q,a,b,,d,20,1|f:1:5: Answer 4 follows an empty Answer 3; fill the answer columns in order",
            "Q,a,b,,,twenty,1|f:1:6: time limit 'twenty' is not a number of seconds 1..3600 (Kahoot uses 5, 10, 20, 30, 60, 90, 120 or 240)",
            "Q,a,b,,,0,1|f:1:6: time limit '0' is not a number of seconds 1..3600 (Kahoot uses 5, 10, 20, 30, 60, 90, 120 or 240)",
            "Q,a,b,,,-5,1|f:1:6: time limit '-5' is not a number of seconds 1..3600 (Kahoot uses 5, 10, 20, 30, 60, 90, 120 or 240)",
            "Q,a,b,,,20,3|f:1:7: correct answer '3' is not among the 2 answers given; write answer numbers 1-2, such as 1,3",
            "Q,a,b,,,20,a|f:1:7: correct answer 'a' is not among the 2 answers given; write answer numbers 1-2, such as 1,3",
            "Q,a,b,,,20,|f:1:7: no correct answer; write its number, such as 1, or several, such as 1,3",
            "Q,a,b,,,20,\"1,1\"|f:1:7: correct answer 1 is listed twice",
            "\"  \",a,b,,,20,1|f:1:1: empty question; write the question in column 1",
    })
    void parse_whenMistake_thenErrorAtLineAndCsvColumn(String row, String expected) {
        ParsedBank bank = csv(row);

        assertFalse(bank.valid());
        assertEquals(List.of(expected), lines(bank));
    }

    @Test
    void parse_whenUnclosedQuote_thenOneErrorAndReadingStops() {
        ParsedBank bank = csv("Q1,a,b,,,,1\n\"Q2,a,b,,,20,1\nQ3,a,b,,,,1\n");

        assertEquals(List.of("f:3:1: unreadable CSV ((startline 2) EOF reached before encapsulated token finished); check the quotes: "
                + "a quoted cell ends with \" and a quote inside it is written \"\""), lines(bank));
    }

    @Test
    void parse_whenSeveralBadRows_thenEachReportedAtItsLine() {
        ParsedBank bank = csv("Question,A1,A2,A3,A4,Time limit (sec),Correct answer(s)\nQ1,a,b,,,20,1\n\nQ2,a,b,,,20,5\n"
                + "\"Q3\nmore\",a,b,,,x,1\nQ4,a,b,,,20,2\n");

        assertEquals(List.of(
                "f:4:7: correct answer '5' is not among the 2 answers given; write answer numbers 1-2, such as 1,3",
                "f:5:6: time limit 'x' is not a number of seconds 1..3600 (Kahoot uses 5, 10, 20, 30, 60, 90, 120 or 240)"),
                lines(bank));
        assertEquals(List.of("Q1", "Q4"), bank.questions().stream().map(Question::text).toList());
    }
}
