package dev.tlsquiz.server.services;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finished game as the results store keeps it: a solo session or a room's game, with its players,
 * the questions asked and every answer received. Immutable, so an event loop can hand it to the
 * store's own executor without copying.
 *
 * <p>Player names and answer texts are chosen by players: a store binds them as parameters and an
 * export neutralises them; nothing here is escaped.
 *
 * @param gameId    the game's id: the session id of a solo game (sent in WELCOME), a room game's own id
 * @param kind      solo or room
 * @param instance  the server instance that ran it (several servers may share one store)
 * @param roomCode  the room's code; null for a solo game
 * @param settings  the questions' source in words, such as {@code bank=maths.gift order=shuffled} or
 *                  {@code ops=+- digits=2}
 * @param started   when the game began (WELCOME of a solo game, the first question of a room's)
 * @param ended     when it ended
 * @param endReason how it ended, such as {@code completed}, {@code client disconnected}, {@code host ended}
 * @param players   who played, in rank order (rank 1 first)
 * @param questions the questions asked, in the order asked
 * @param answers   every answer received or timed out, each pointing at a player and a question
 */
public record GameRecord(long gameId, GameKind kind, String instance, String roomCode, String settings,
                         Instant started, Instant ended, String endReason, List<PlayerRecord> players,
                         List<QuestionRecord> questions, List<AnswerRecord> answers) {
    public GameRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(endReason, "endReason");
        players = List.copyOf(players);
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
    }

    /** Whether the game was one player's or a room's. */
    public enum GameKind { SOLO, ROOM }
}
