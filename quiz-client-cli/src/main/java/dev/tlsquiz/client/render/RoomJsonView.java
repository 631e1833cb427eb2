package dev.tlsquiz.client.render;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Notice;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.text.TerminalText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A room's events as JSON lines, through the session's {@link JsonRenderer}: {@code room},
 * {@code lobby}, {@code progress}, {@code standings}, {@code notice}, {@code closed} and the room's
 * {@code summary} (with the rank). Every event carries {@code atMillis}, the client's wall clock when it
 * was shown, so that a script can line up the events of several players. The seat token is never
 * written.
 */
final class RoomJsonView implements RoomView {

    private final JsonRenderer json;
    private final PrintStream err;

    RoomJsonView(JsonRenderer json, PrintStream err) {
        this.json = json;
        this.err = err;
    }

    @Override
    public void opened(Room room, Welcome welcome, String joinCommand) {
        Map<String, Object> event = roomEvent(room, welcome);
        event.put("joinCommand", joinCommand);
        write(event);
    }

    @Override
    public void joined(Room room, Welcome welcome, boolean rejoined) {
        Map<String, Object> event = roomEvent(room, welcome);
        event.put("rejoined", rejoined);
        write(event);
    }

    private static Map<String, Object> roomEvent(Room room, Welcome welcome) {
        Map<String, Object> event = JsonRenderer.event("room");
        event.put("code", room.code());
        event.put("role", lower(room.role()));
        event.put("name", welcome.playerName());
        event.put("hostName", room.hostName());
        event.put("state", lower(room.state()));
        event.put("players", room.players());
        event.put("lateJoin", room.lateJoin());
        event.put("rounds", welcome.rounds());
        event.put("timeLimitMillis", welcome.timeLimitMillis());
        event.put("server", welcome.serverName());
        return event;
    }

    @Override
    public void lobby(Lobby lobby, boolean quiet) {
        Map<String, Object> event = JsonRenderer.event("lobby");
        event.put("state", lower(lobby.state()));
        event.put("players", lobby.players());
        event.put("names", lobby.names());
        write(event);
    }

    @Override
    public void progress(Progress progress, boolean quiet) {
        Map<String, Object> event = JsonRenderer.event("progress");
        event.put("problemId", progress.problemId());
        event.put("answered", progress.answered());
        event.put("players", progress.players());
        write(event);
    }

    @Override
    public void waiting(Progress last) {
        // The verdict event tells what was answered; nothing happened in the room yet.
    }

    @Override
    public void standings(Standings standings, String ownName) {
        Map<String, Object> event = JsonRenderer.event("standings");
        event.put("problemId", standings.problemId());
        event.put("round", standings.round());
        event.put("rounds", standings.rounds());
        event.put("final", standings.finalStandings());
        event.put("players", standings.players());
        List<Object> entries = new ArrayList<>(standings.entries().size());
        for (Standings.Entry entry : standings.entries()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("rank", entry.rank());
            line.put("name", entry.name());
            line.put("score", entry.score());
            entries.add(line);
        }
        event.put("entries", entries);
        // null for the host, who has no rank: a script need not know that 0 means none.
        event.put("ownRank", ownName == null || standings.ownRank() == 0 ? null : standings.ownRank());
        event.put("ownScore", ownName == null ? null : standings.ownScore());
        write(event);
    }

    @Override
    public void notice(Notice notice) {
        Map<String, Object> event = JsonRenderer.event("notice");
        event.put("code", notice.code());
        event.put("name", ErrorCode.fromCode(notice.code()).map(Enum::name).orElse("ERROR_" + notice.code()));
        event.put("message", notice.message());
        write(event);
    }

    @Override
    public void closed(RoomClosed closed) {
        Map<String, Object> event = JsonRenderer.event("closed");
        event.put("reason", lower(closed.reason()));
        event.put("message", closed.message());
        write(event);
    }

    @Override
    public void summary(SessionSummary summary, Standings finalStandings, String code) {
        Map<String, Object> event = JsonRenderer.event("summary");
        JsonRenderer.putSummary(event, summary);
        event.put("code", code);
        // null when the player left before the end: their seat is kept, and they have no final rank yet.
        event.put("final", finalStandings != null);
        event.put("rank", finalStandings == null || finalStandings.ownRank() == 0 ? null : finalStandings.ownRank());
        event.put("players", finalStandings == null ? null : finalStandings.players());
        write(event);
    }

    @Override
    public void help(List<String> lines) {
        lines.forEach(err::println);
        err.flush();
    }

    @Override
    public void note(String line) {
        err.println(TerminalText.sanitize(line));
        err.flush();
    }

    private void write(Map<String, Object> event) {
        event.put("atMillis", System.currentTimeMillis());
        json.write(event);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
