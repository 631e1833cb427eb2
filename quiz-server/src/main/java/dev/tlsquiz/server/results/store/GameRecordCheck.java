package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.util.HashSet;
import java.util.Set;

/** The consistency a game record needs before any database sees it. */
final class GameRecordCheck {

    private GameRecordCheck() {
    }

    /**
     * Checks that the record's answers point at its own players and questions, and that question numbers
     * are unique: a record that contradicts itself can never be stored, so retrying it would be pointless.
     *
     * @throws IllegalArgumentException naming the first contradiction
     */
    static void check(GameRecord game) {
        Set<Integer> numbers = new HashSet<>();
        for (QuestionRecord question : game.questions()) {
            if (!numbers.add(question.number())) {
                throw new IllegalArgumentException("game " + Long.toHexString(game.gameId()) + " asks question "
                        + question.number() + " twice");
            }
        }
        for (AnswerRecord answer : game.answers()) {
            if (answer.player() < 0 || answer.player() >= game.players().size()) {
                throw new IllegalArgumentException("game " + Long.toHexString(game.gameId()) + ": an answer of player "
                        + answer.player() + " (expected: 0 to " + (game.players().size() - 1) + ")");
            }
            if (!numbers.contains(answer.question())) {
                throw new IllegalArgumentException("game " + Long.toHexString(game.gameId())
                        + ": an answer to question " + answer.question() + ", which the game did not ask");
            }
        }
    }
}
