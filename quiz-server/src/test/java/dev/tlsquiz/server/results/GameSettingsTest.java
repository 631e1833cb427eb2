package dev.tlsquiz.server.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlsquiz.server.config.GameRules;
import dev.tlsquiz.server.config.QuestionBanks;
import dev.tlsquiz.server.quiz.Operation;
import dev.tlsquiz.server.quiz.QuestionOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kept game's settings in the command line's words. */
class GameSettingsTest {

    @Test
    void describe_arithmetic_namesOperationsDigitsSeedAndTimeLimit() {
        GameRules rules = GameRules.defaults().withOperations(EnumSet.of(Operation.MUL, Operation.ADD)).withDigits(3)
                .withSeed(42).withTimeLimit(Duration.ofMillis(1500));
        assertEquals("ops=add,mul digits=3 seed=42 time-limit=1500ms", GameSettings.describe(rules));
    }

    @Test
    void describe_banks_namesTheFilesButNotWhereTheyLie() {
        GameRules rules = GameRules.defaults().withBanks(QuestionBanks.none()
                .withFiles(List.of(Path.of("/home/op/secret/maths.gift"), Path.of("geo.csv")))
                .withCategory("math/easy").withOrder(QuestionOrder.FILE).withRepeat(true));
        assertEquals("bank=maths.gift,geo.csv category=math/easy order=file repeat time-limit=30s",
                GameSettings.describe(rules));
    }
}
