package dev.tlsquiz.server.results.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.results.query.GameFilter;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results writer's group commit on the real SQLite store: a group is kept whole, or (when one game
 * of it contradicts itself) not at all, and games kept before are skipped, not doubled.
 */
class GroupCommitTest {

    @TempDir
    Path temp;

    private ResultsStore store;

    @BeforeEach
    void open() throws Exception {
        store = GameStores.open(DatabaseLocation.sqlite(temp.resolve("data")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void saveAll_keepsEveryGameOfTheGroup() throws Exception {
        store.saveAll(List.of(TestGames.solo(1, "ada", TestGames.T0, 3, 2), TestGames.solo(2, "bob", TestGames.T0, 3, 3),
                TestGames.solo(3, "cy", TestGames.T0, 3, 0)));

        assertEquals(3, store.games(GameFilter.all()).size());
        assertEquals(TestGames.solo(2, "bob", TestGames.T0, 3, 3).answers(), store.games(2).get(0).answers());
    }

    @Test
    void saveAll_whenOneGameContradictsItself_thenNoneOfTheGroupIsKept() throws Exception {
        GameRecord good = TestGames.solo(1, "ada", TestGames.T0, 3, 2);
        GameRecord bad = TestGames.solo(2, "bob", TestGames.T0, 3, 3);
        List<AnswerRecord> answers = new ArrayList<>(bad.answers());
        answers.add(new AnswerRecord(0, 99, "7", Judgement.WRONG, 0, 5));
        GameRecord contradictory = new GameRecord(bad.gameId(), bad.kind(), bad.instance(), bad.roomCode(),
                bad.settings(), bad.started(), bad.ended(), bad.endReason(), bad.players(), bad.questions(), answers);

        assertThrows(IllegalArgumentException.class, () -> store.saveAll(List.of(good, contradictory)));

        assertTrue(store.games(GameFilter.all()).isEmpty(), "a group is kept whole or not at all");
    }

    @Test
    void saveAll_whenAGameIsKeptAlready_thenItIsSkippedAndTheRestKept() throws Exception {
        GameRecord first = TestGames.solo(1, "ada", TestGames.T0, 3, 2);
        store.save(first);

        store.saveAll(List.of(first, TestGames.solo(2, "bob", TestGames.T0, 3, 3)));

        assertEquals(1, store.games(1).size());
        assertEquals(1, store.games(2).size());
        assertEquals(2, store.games(GameFilter.all()).size());
    }
}
