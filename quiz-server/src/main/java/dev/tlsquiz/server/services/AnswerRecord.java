package dev.tlsquiz.server.services;

import dev.tlsquiz.server.game.Judgement;
import java.util.Objects;

/**
 * One player's answer to one question of a finished game, or its absence (a timeout).
 *
 * @param player   the index of the player in {@link GameRecord#players()}
 * @param question the question's {@link QuestionRecord#number()}
 * @param text     the answer as sent, trimmed; null when the time ran out without one
 * @param outcome  right, wrong or too late
 * @param points   the points it earned
 * @param millis   the time from the question reaching the player to the answer's arrival; for a
 *                 timeout, the time limit
 */
public record AnswerRecord(int player, int question, String text, Judgement outcome, long points, long millis) {
    public AnswerRecord {
        Objects.requireNonNull(outcome, "outcome");
    }
}
