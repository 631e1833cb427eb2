package dev.tlsquiz.bank;

import static dev.tlsquiz.bank.BankFixtures.gift;
import static dev.tlsquiz.bank.BankFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JudgingTest {

    private static Judgement judge(String gift, String answer) {
        ParsedBank bank = gift(gift);
        return only(bank, Question.class).judge(answer);
    }

    private static String summary(Judgement judgement) {
        return judgement.outcome() + "|" + judgement.feedback() + "|" + judgement.accepted();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a|WRONG|not Lyon|b) Paris",
            "b|CORRECT|right|b) Paris",
            "\" B \"|CORRECT|right|b) Paris",
            "2|CORRECT|right|b) Paris",
            "1|WRONG|not Lyon|b) Paris",
            "c|WRONG||b) Paris",
            "z|NOT_AN_ANSWER|'z' is not a choice: answer one letter a-c or a number 1-3|b) Paris",
            "4|NOT_AN_ANSWER|'4' is not a choice: answer one letter a-c or a number 1-3|b) Paris",
            "0|NOT_AN_ANSWER|'0' is not a choice: answer one letter a-c or a number 1-3|b) Paris",
            "a,b|NOT_AN_ANSWER|choose exactly one: answer one letter a-c or a number 1-3|b) Paris",
            "Paris|NOT_AN_ANSWER|'Paris' is not a choice: answer one letter a-c or a number 1-3|b) Paris",
            "\"  \"|NOT_AN_ANSWER|no answer: answer one letter a-c or a number 1-3|b) Paris",
    })
    void judge_oneChoice(String answer, Outcome outcome, String feedback, String accepted) {
        String q = "Capital? {~Lyon #not Lyon =Paris #right ~Nice}";
        Judgement expected = new Judgement(outcome, feedback == null ? "" : feedback, accepted);

        assertEquals(summary(expected), summary(judge(q, answer)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a,b|CORRECT",
            "b, a|CORRECT",
            "1,2|CORRECT",
            "A , 2|CORRECT",
            "a|WRONG",
            "a,b,c|WRONG",
            "c|WRONG",
            "a,a|NOT_AN_ANSWER",
            "a,1|NOT_AN_ANSWER",
            "a,,b|NOT_AN_ANSWER",
            "a,e|NOT_AN_ANSWER",
    })
    void judge_severalChoices_correctOnlyWithEveryRightAndNoWrongChoice(String answer, Outcome outcome) {
        String q = "Primes? {~%50%2 #two ~%50%3 #three ~%-100%4 #four ~%0%1}";

        assertEquals(outcome, judge(q, answer).outcome());
    }

    @Test
    void judge_severalChoices_feedbackOfEachChosenAndAcceptedReadable() {
        Judgement judgement = judge("Primes? {~%50%2 #two ~%50%3 #three ~%-100%4 #four ~%0%1}", "c,a");

        assertEquals("two\nfour", judgement.feedback());
        assertEquals("a) 2, b) 3", judgement.accepted());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a|CORRECT|yes", "1|CORRECT|yes", "true|CORRECT|yes", "T|CORRECT|yes", "TRUE|CORRECT|yes",
            "b|WRONG|no", "2|WRONG|no", "false|WRONG|no", "f|WRONG|no",
            "c|NOT_AN_ANSWER|'c' is not a choice: answer one letter a-b or a number 1-2",
    })
    void judge_trueFalse(String answer, Outcome outcome, String feedback) {
        Judgement judgement = judge("Sky is blue {T#no#yes}", answer);

        assertEquals(outcome + "|" + feedback + "|a) True", summary(judgement));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Paris|CORRECT|capital",
            "\"  pARIS \"|CORRECT|capital",
            "Lyon|CORRECT|second city",
            "Nice|WRONG|no",
            "Marseille|WRONG|",
            "Par is|WRONG|",
            "\"   \"|NOT_AN_ANSWER|no answer: type the answer",
    })
    void judge_shortAnswer_trimmedIgnoringCase(String answer, Outcome outcome, String feedback) {
        Judgement judgement = judge("City? {=Paris #capital =%50%LYON #second city =%0%Nice #no}", answer);

        assertEquals(outcome + "|" + (feedback == null ? "" : feedback) + "|Paris or LYON", summary(judgement));
    }

    @Test
    void judge_shortAnswer_ignoresCaseWithoutTheLocale() {
        // Locale.ROOT: the Turkish dotless i must not make "TITLE" differ from "title" on a Turkish machine.
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr"));
        try {
            assertEquals(Outcome.CORRECT, judge("Word? {=title}", "TITLE").outcome());
        } finally {
            Locale.setDefault(previous);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0.3|{#0.3}|CORRECT",
            "0.30|{#0.3}|CORRECT",
            ".3|{#0.3}|CORRECT",
            "+0.3|{#0.3}|CORRECT",
            "0.30000000000000004|{#0.3}|WRONG",
            "3.13|{#3.14:0.01}|CORRECT",
            "3.15|{#3.14:0.01}|CORRECT",
            "3.151|{#3.14:0.01}|WRONG",
            "1|{#1..5}|CORRECT",
            "5|{#1..5}|CORRECT",
            "5.0001|{#1..5}|WRONG",
            "-2|{#-3..-1}|CORRECT",
            "43|{#=42 =43:1}|CORRECT",
            "44|{#=42 =43:1}|CORRECT",
            "45|{#=42 =43:1}|WRONG",
            "3,14|{#3.14}|NOT_AN_ANSWER",
            "1e3|{#1000}|NOT_AN_ANSWER",
            "abc|{#1}|NOT_AN_ANSWER",
            "1.2.3|{#1}|NOT_AN_ANSWER",
    })
    void judge_numerical_exactDecimals(String answer, String block, Outcome outcome) {
        assertEquals(outcome, judge("N? " + block, answer).outcome());
    }

    @Test
    void judge_numerical_highestWeightMatchDecides() {
        String q = "6 × 7? {#=42 #exactly =%50%40..44 #close ~%0%0..100 #far}";

        assertEquals("CORRECT|exactly|42 or 40..44", summary(judge(q, "42")));
        assertEquals("CORRECT|close|42 or 40..44", summary(judge(q, "41")));
        assertEquals("WRONG|far|42 or 40..44", summary(judge(q, "50")));
        assertEquals("WRONG||42 or 40..44", summary(judge(q, "-1")));
        assertEquals("NOT_AN_ANSWER|use a dot for decimals: 41.5|42 or 40..44", summary(judge(q, "41,5")));
    }

    @Test
    void judge_integer() {
        IntegerQuestion q = IntegerQuestion.of("17 + 25", 42);

        assertEquals(AnswerFormat.INTEGER, q.format());
        assertEquals("CORRECT||42", summary(q.judge(" +42 ")));
        assertEquals("WRONG||42", summary(q.judge("41")));
        assertEquals("WRONG||42", summary(q.judge("99999999999999999999999")));
        assertEquals(Outcome.NOT_AN_ANSWER, q.judge("42.0").outcome());
    }

    @Test
    void answerForms_problem_matchesTheJudge() {
        assertEquals(Optional.empty(), AnswerForms.problem(AnswerFormat.SEVERAL_CHOICES, 4, "d, a"));
        assertEquals(Optional.of("'e' is not a choice: answer letters a-d or numbers separated by commas, such as a,c"),
                AnswerForms.problem(AnswerFormat.SEVERAL_CHOICES, 4, "a,e"));
        assertEquals(Optional.empty(), AnswerForms.problem(AnswerFormat.NUMBER, 0, "-0.5"));
        assertEquals(Optional.of("use a dot for decimals: 3.14"), AnswerForms.problem(AnswerFormat.NUMBER, 0, "3,14"));
        assertEquals(Optional.empty(), AnswerForms.problem(AnswerFormat.TEXT, 0, "x"));
        assertEquals(Optional.of("not a whole number: answer digits with an optional sign, such as -12"),
                AnswerForms.problem(AnswerFormat.INTEGER, 0, "1" + "0".repeat(100)));
    }
}
