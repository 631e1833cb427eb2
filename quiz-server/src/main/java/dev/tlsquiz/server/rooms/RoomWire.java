package dev.tlsquiz.server.rooms;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.RoomState;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.server.WireAnswerFormat;
import dev.tlsquiz.server.game.GameEvent.ProblemOpened;
import dev.tlsquiz.server.game.Judgement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The room's rules in the protocol's terms: the one place that maps them to messages. */
final class RoomWire {

    /**
     * What one frame may hold of names: a client's default frame limit, less room for the fixed fields.
     * A frame is cut to the protocol's default, not the server's --max-frame-bytes: clients keep the default.
     */
    static final int NAMES_BUDGET_BYTES = CodecLimits.DEFAULT_MAX_FRAME_BYTES - 256;

    private RoomWire() {
    }

    static Problem problem(ProblemOpened opened) {
        return new Problem(opened.problemId(), opened.round(), opened.rounds(), opened.timeLimit().toMillis(),
                opened.text(), WireAnswerFormat.of(opened.format()), opened.choices());
    }


    static Outcome outcome(Judgement judgement) {
        return switch (judgement) {
            case CORRECT -> Outcome.CORRECT;
            case WRONG -> Outcome.WRONG;
            case TIMEOUT -> Outcome.TIMEOUT;
        };
    }

    static RoomState state(dev.tlsquiz.server.room.RoomState state) {
        return switch (state) {
            case LOBBY -> RoomState.LOBBY;
            case PLAYING -> RoomState.PLAYING;
            case PAUSED -> RoomState.PAUSED;
            case FINISHED -> RoomState.FINISHED;
        };
    }

    /** The first names that fit one frame. */
    static List<String> fitNames(List<String> names) {
        List<String> fitted = new ArrayList<>();
        int bytes = 0;
        for (String name : names) {
            bytes += 2 + name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > NAMES_BUDGET_BYTES || fitted.size() == 0xFFFF) {
                break;
            }
            fitted.add(name);
        }
        return fitted;
    }

    /** The top of the standings, at most {@code top} entries and what fits one frame. */
    static List<Standings.Entry> entries(dev.tlsquiz.server.room.Standings standings, int top) {
        List<Standings.Entry> entries = new ArrayList<>();
        int bytes = 0;
        for (dev.tlsquiz.server.room.Standings.Ranked ranked : standings.top(top)) {
            bytes += 10 + ranked.name().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > NAMES_BUDGET_BYTES) {
                break;
            }
            entries.add(new Standings.Entry(ranked.rank(), ranked.name(), clampU32(ranked.score())));
        }
        return entries;
    }

    static long clampU32(long value) {
        return Math.min(Math.max(0, value), 0xFFFF_FFFFL);
    }
}
