package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A version 1 answer names a choice by its text; the judge takes its number. */
class Version1AnswersTest {

    @Test
    void choiceNumber_whenTheTextIsAChoice_thenItsNumber_exactSpellingFirst() {
        assertEquals("1", Version1Answers.choiceNumber(List.of("Paris", "Lyon"), "Paris"));
        assertEquals("2", Version1Answers.choiceNumber(List.of("Paris", "Lyon"), "  lyon "));
        // A choice that is itself a number is named by its text, not by its position.
        assertEquals("3", Version1Answers.choiceNumber(List.of("3", "4", "1"), "1"));
        assertEquals("2", Version1Answers.choiceNumber(List.of("paris", "Paris"), "Paris"));
    }

    @Test
    void choiceNumber_whenTheTextNamesNoChoice_thenEmptyWhichIsNoAnswer() {
        assertEquals("", Version1Answers.choiceNumber(List.of("Paris", "Lyon"), "2"));
        assertEquals("", Version1Answers.choiceNumber(List.of("Paris", "Lyon"), "b"));
        assertEquals("", Version1Answers.choiceNumber(List.of("Paris", "Lyon"), ""));
    }
}
