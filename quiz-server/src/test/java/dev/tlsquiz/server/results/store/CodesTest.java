package dev.tlsquiz.server.results.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.services.GameRecord.GameKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words stored for enums are part of the schema: the migrations' CHECK constraints name them. A
 * renamed or added constant fails here first, as a reminder that it needs a migration.
 */
class CodesTest {

    @Test
    void words_whenListed_thenTheOnesTheSchemaKnows() {
        assertEquals(List.of("solo", "room"), words(GameKind.values()));
        assertEquals(List.of("integer", "number", "one-choice", "several-choices", "text"), words(AnswerFormat.values()));
        assertEquals(List.of("correct", "wrong", "timeout"), words(Judgement.values()));
    }

    @Test
    void parse_whenEveryWord_thenItsConstant() {
        for (GameKind kind : GameKind.values()) {
            assertEquals(kind, Codes.kind(Codes.of(kind)));
        }
        for (AnswerFormat format : AnswerFormat.values()) {
            assertEquals(format, Codes.format(Codes.of(format)));
        }
        for (Judgement outcome : Judgement.values()) {
            assertEquals(outcome, Codes.outcome(Codes.of(outcome)));
        }
    }

    @Test
    void parse_whenUnknownWord_thenSaysANewerVersionMayHaveWrittenIt() {
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> Codes.outcome("partial"));

        assertTrue(unknown.getMessage().contains("'partial' where a Judgement belongs"), unknown.getMessage());
    }

    private static List<String> words(Enum<?>[] values) {
        return Arrays.stream(values).map(Codes::of).toList();
    }
}
