package dev.tlsquiz.server.results.store;

import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.GameRecord.GameKind;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Finished games to keep, built the way the server reports them. */
public final class TestGames {

    /** A fixed moment, whole milliseconds (what the store keeps). */
    public static final Instant T0 = Instant.parse("2026-11-01T10:00:00.123Z");

    private TestGames() {
    }

    /**
     * A room game with three players and three questions (one multiple choice). The third player never
     * answered question 3 (no record at all), the second timed out on it.
     */
    public static GameRecord room(long id, String room, Instant ended, String first, String second, String third) {
        List<QuestionRecord> questions = List.of(
                new QuestionRecord(1, "7 + 5", AnswerFormat.INTEGER, List.of(), "12"),
                new QuestionRecord(2, "Capital of France?", AnswerFormat.ONE_CHOICE, List.of("Paris", "Lyon", "Nice"), "a) Paris"),
                new QuestionRecord(3, "Pi to two places", AnswerFormat.NUMBER, List.of(), "3.14"));
        List<PlayerRecord> players = List.of(
                new PlayerRecord(first, true, "ab".repeat(32), null, 300, 1, 3, 3),
                new PlayerRecord(second, false, null, null, 100, 2, 1, 2),
                new PlayerRecord(third, false, null, null, 100, 2, 1, 2));
        List<AnswerRecord> answers = List.of(
                new AnswerRecord(0, 1, "12", Judgement.CORRECT, 100, 1200),
                new AnswerRecord(1, 1, "13", Judgement.WRONG, 0, 2500),
                new AnswerRecord(2, 1, "12", Judgement.CORRECT, 100, 900),
                new AnswerRecord(0, 2, "a", Judgement.CORRECT, 100, 3000),
                new AnswerRecord(1, 2, "a", Judgement.CORRECT, 100, 4100),
                new AnswerRecord(2, 2, "b", Judgement.WRONG, 0, 1000),
                new AnswerRecord(0, 3, "3.14", Judgement.CORRECT, 100, 5000),
                new AnswerRecord(1, 3, null, Judgement.TIMEOUT, 0, 20000));
        return new GameRecord(id, GameKind.ROOM, "quiz-a", room, "bank=maths.gift order=shuffled",
                ended.minusSeconds(90), ended, "completed", players, questions, answers);
    }

    /** A solo game of {@code rounds} arithmetic questions, {@code right} of them answered right, 10 points each. */
    public static GameRecord solo(long id, String player, Instant ended, int rounds, int right) {
        List<QuestionRecord> questions = new ArrayList<>();
        List<AnswerRecord> answers = new ArrayList<>();
        for (int n = 1; n <= rounds; n++) {
            questions.add(new QuestionRecord(n, n + " + " + n, AnswerFormat.INTEGER, List.of(), Integer.toString(2 * n)));
            boolean correct = n <= right;
            answers.add(new AnswerRecord(0, n, correct ? Integer.toString(2 * n) : "0",
                    correct ? Judgement.CORRECT : Judgement.WRONG, correct ? 10 : 0, 700 + n));
        }
        return new GameRecord(id, GameKind.SOLO, "quiz-a", null, "ops=+ digits=1", ended.minusSeconds(30), ended,
                "completed", List.of(new PlayerRecord(player, false, null, "127.0.0.1", 10L * right, 1, right, rounds)),
                questions, answers);
    }
}
