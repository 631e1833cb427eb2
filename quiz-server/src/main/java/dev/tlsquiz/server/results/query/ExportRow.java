package dev.tlsquiz.server.results.query;

import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.services.GameRecord.GameKind;
import java.time.Instant;

/**
 * One row of {@code results export}: one player and one question of a kept game, with the player's
 * answer. A question the player has no recorded answer to (joined late, left early) has a null
 * {@code outcome}, {@code answer}, {@code points} and {@code millis}.
 */
public record ExportRow(String instance, long gameId, GameKind kind, String roomCode, Instant started, Instant ended,
                        String player, boolean nameVerified, String fingerprint, int rank, long score,
                        int question, String questionText, AnswerFormat format, String acceptedAnswer,
                        String answer, Judgement outcome, Long points, Long millis) {

    /** The column names, in the order of the record's components; CSV and JSON use them. */
    public static final String[] COLUMNS = {"instance", "game", "kind", "room", "started", "ended",
        "player", "verified", "fingerprint", "rank", "score", "question", "question_text", "format",
        "accepted_answer", "answer", "outcome", "points", "millis"};
}
