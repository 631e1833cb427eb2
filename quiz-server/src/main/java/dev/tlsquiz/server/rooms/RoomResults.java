package dev.tlsquiz.server.rooms;

import dev.tlsquiz.codec.RoomCloseReason;
import dev.tlsquiz.server.WireAnswerFormat;
import dev.tlsquiz.server.room.RoomCodes;
import dev.tlsquiz.server.room.RoomGame;
import dev.tlsquiz.server.room.Seat;
import dev.tlsquiz.server.room.Standings;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A finished room game as the results store keeps it: players in rank order, the questions, every answer. */
final class RoomResults {

    private RoomResults() {
    }

    static GameRecord record(LiveRoom room, RoomGame game, RoomCloseReason reason, String instance) {
        List<PlayerRecord> players = new ArrayList<>();
        List<AnswerRecord> answers = new ArrayList<>();
        List<Standings.Ranked> ranked = game.standings().ranked();
        for (int index = 0; index < ranked.size(); index++) {
            Seat seat = ranked.get(index).seat();
            players.add(new PlayerRecord(seat.name(), seat.verified(), seat.certificateFingerprint(), room.address(seat),
                    seat.score(), ranked.get(index).rank(), seat.scorecard().correctCount(),
                    seat.scorecard().answeredCount()));
            for (Seat.AnswerLog log : seat.answers()) {
                answers.add(new AnswerRecord(index, log.round(), log.text() == null ? null : log.text().strip(),
                        log.marking().judgement(), log.marking().points(), log.millis()));
            }
        }
        List<QuestionRecord> questions = new ArrayList<>();
        for (RoomGame.AskedQuestion asked : game.asked()) {
            questions.add(new QuestionRecord(asked.round(), asked.question().text(),
                    WireAnswerFormat.of(asked.question().format()), asked.question().choices(),
                    asked.question().acceptedAnswers()));
        }
        return new GameRecord(room.gameId(), GameRecord.GameKind.ROOM, instance, RoomCodes.display(room.code()),
                room.settings(), room.startedAt(), Instant.now(), endReason(reason), players, questions, answers);
    }

    private static String endReason(RoomCloseReason reason) {
        return switch (reason) {
            case GAME_OVER -> "completed";
            case HOST_ENDED -> "host ended";
            case HOST_GONE -> "host gone";
            case KICKED -> "kicked";
            case SERVER_SHUTTING_DOWN -> "server shutting down";
        };
    }
}
