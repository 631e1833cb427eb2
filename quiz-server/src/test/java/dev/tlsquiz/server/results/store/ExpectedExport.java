package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.results.export.SpreadsheetCells;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The CSV cells an export of some games must hold, worked out from the records themselves (not from
 * the store), so a round trip compares what was played with what came out.
 */
public final class ExpectedExport {

    private ExpectedExport() {
    }

    public static List<List<String>> csvCells(List<GameRecord> games) {
        List<List<String>> rows = new ArrayList<>();
        List<GameRecord> byEnd = new ArrayList<>(games);
        byEnd.sort(Comparator.comparing(GameRecord::ended));
        for (GameRecord game : byEnd) {
            for (int p = 0; p < game.players().size(); p++) {
                PlayerRecord player = game.players().get(p);
                List<QuestionRecord> questions = new ArrayList<>(game.questions());
                questions.sort(Comparator.comparingInt(QuestionRecord::number));
                for (QuestionRecord question : questions) {
                    boolean any = false;
                    for (AnswerRecord answer : game.answers()) {
                        if (answer.player() == p && answer.question() == question.number()) {
                            rows.add(row(game, player, question, answer));
                            any = true;
                        }
                    }
                    if (!any) {
                        rows.add(row(game, player, question, null));
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> row(GameRecord game, PlayerRecord player, QuestionRecord question, AnswerRecord answer) {
        List<String> cells = new ArrayList<>();
        cells.add(text(game.instance()));
        cells.add(Long.toHexString(game.gameId()));
        cells.add(Codes.of(game.kind()));
        cells.add(text(game.roomCode()));
        cells.add(game.started().toString());
        cells.add(game.ended().toString());
        cells.add(text(player.name()));
        cells.add(Boolean.toString(player.nameVerified()));
        cells.add(text(player.certificateFingerprint()));
        cells.add(Integer.toString(player.rank()));
        cells.add(Long.toString(player.score()));
        cells.add(Integer.toString(question.number()));
        cells.add(text(question.text()));
        cells.add(Codes.of(question.format()));
        cells.add(text(question.acceptedAnswer()));
        cells.add(answer == null ? "" : text(answer.text()));
        cells.add(answer == null ? "" : Codes.of(answer.outcome()));
        cells.add(answer == null ? "" : Long.toString(answer.points()));
        cells.add(answer == null ? "" : Long.toString(answer.millis()));
        return cells;
    }

    /** As the store keeps text, then as the export writes it; an absent value is an empty cell. */
    private static String text(String value) {
        return value == null ? "" : SpreadsheetCells.neutralise(StoredText.of(value));
    }
}
