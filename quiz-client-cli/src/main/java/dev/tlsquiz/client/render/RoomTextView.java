package dev.tlsquiz.client.render;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Notice;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.RoomState;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.text.TerminalText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A room for people: the code big enough to read out to a class, the lobby, "answered 37/120", the
 * standings with the player's own line marked (and highlighted in colour), the final rank. Every name
 * and message is the server's or another player's text, so each goes through {@link TerminalText} and
 * is cut to a bounded width: a hostile name can neither move the cursor nor push the table apart.
 */
final class RoomTextView implements RoomView {

    /** Names shown in a lobby line; a room of thousands shows its newest joiners and a count. */
    static final int MAX_LOBBY_NAMES = 20;

    /** A name in a table or the lobby is cut to this many characters (after sanitising). */
    static final int MAX_NAME_CHARS = ShownName.MAX_CHARS;

    private static final String BOLD_REVERSE = "\u001B[1;7m";
    private static final String RESET = "\u001B[0m";
    private static final String OWN_MARK = "\u25B6";

    private final TextRenderer session;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean colour;

    RoomTextView(TextRenderer session, PrintStream out, PrintStream err, boolean colour) {
        this.session = session;
        this.out = out;
        this.err = err;
        this.colour = colour;
    }

    @Override
    public void opened(Room room, Welcome welcome, String joinCommand) {
        session.closePrompt();
        String code = shown(room.code());
        String spaced = String.join(" ", code.split(""));
        String bar = "\u2500".repeat(spaced.length() + 8);
        out.println("Room " + code + " is open: you host it as " + shown(welcome.playerName()) + " ("
                + welcome.rounds() + (welcome.rounds() == 1 ? " question, " : " questions, ")
                + Formats.seconds(welcome.timeLimitMillis()) + " each"
                + (room.lateJoin() ? "; late joiners welcome" : "; no late joiners") + ").");
        out.println();
        out.println("    \u250C" + bar + "\u2510");
        out.println("    \u2502    " + spaced + "    \u2502");
        out.println("    \u2514" + bar + "\u2518");
        out.println();
        out.println("Players join with:");
        out.println("    " + shown(joinCommand));
        out.println("Type start when everyone is in (help lists the commands).");
        out.flush();
    }

    @Override
    public void joined(Room room, Welcome welcome, boolean rejoined) {
        session.closePrompt();
        String what = rejoined ? "You are back in room " : "You are in room ";
        out.println(what + shown(room.code()) + " as " + shown(welcome.playerName()) + ", hosted by "
                + shown(room.hostName()) + ": " + welcome.rounds()
                + (welcome.rounds() == 1 ? " question, " : " questions, ")
                + Formats.seconds(welcome.timeLimitMillis()) + " each.");
        out.println(switch (room.state()) {
            case LOBBY -> "Waiting for the host to start (" + players(room.players()) + " in the room).";
            case PLAYING -> "The game is on (" + players(room.players()) + "): the next question comes to you too.";
            case PAUSED -> "The host paused the game (" + players(room.players()) + ").";
            case FINISHED -> "The game is over.";
        });
        out.flush();
    }

    @Override
    public void lobby(Lobby lobby, boolean quiet) {
        if (quiet) {
            return;
        }
        session.closePrompt();
        out.println(lobbyLine(lobby));
        out.flush();
    }

    /** {@code Lobby: 3 players: carol, bo, ada} (newest first), with {@code and N more} past the names shown. */
    static String lobbyLine(Lobby lobby) {
        StringBuilder line = new StringBuilder(lobby.state() == RoomState.LOBBY ? "Lobby: " : "In the room: ");
        line.append(players(lobby.players()));
        int shown = Math.min(lobby.names().size(), MAX_LOBBY_NAMES);
        if (shown > 0) {
            line.append(": ");
            for (int i = 0; i < shown; i++) {
                line.append(i == 0 ? "" : ", ").append(name(lobby.names().get(i)));
            }
        }
        long more = lobby.players() - shown;
        if (more > 0 && shown > 0) {
            line.append(" and ").append(Formats.grouped(more)).append(" more");
        }
        return line.toString();
    }

    @Override
    public void progress(Progress progress, boolean quiet) {
        if (quiet) {
            return;
        }
        session.closePrompt();
        out.println("  answered " + Formats.grouped(progress.answered()) + "/" + Formats.grouped(progress.players()));
        out.flush();
    }

    @Override
    public void waiting(Progress last) {
        session.closePrompt();
        out.println("  answer sent \u2014 waiting for the others"
                + (last == null ? "" : " (answered " + Formats.grouped(last.answered()) + "/"
                        + Formats.grouped(last.players()) + ")"));
        out.flush();
    }

    @Override
    public void standings(Standings standings, String ownName) {
        session.closePrompt();
        standingsLines(standings, ownName).forEach(line -> out.println(line.highlighted() && colour
                ? BOLD_REVERSE + line.text() + RESET : line.text()));
        out.flush();
    }

    /** A line of the standings table, and whether it is the player's own. */
    record Line(String text, boolean highlighted) {
    }

    /** The standings as lines: a header, the top entries, and the player's own line below them when it is not among them. */
    static List<Line> standingsLines(Standings standings, String ownName) {
        List<Line> lines = new ArrayList<>();
        String header = standings.finalStandings() ? "Final standings" : standings.problemId() == 0
                ? "Standings" : "Standings after question " + standings.round() + "/" + standings.rounds();
        lines.add(new Line(header + " (" + players(standings.players()) + ")", false));
        boolean ownShown = false;
        for (Standings.Entry entry : standings.entries()) {
            boolean own = ownName != null && standings.ownRank() != 0 && entry.name().equals(ownName)
                    && entry.rank() == standings.ownRank();
            ownShown |= own;
            lines.add(new Line(entryLine(entry.rank(), entry.name(), entry.score(), own), own));
        }
        if (ownName != null && standings.ownRank() != 0 && !ownShown) {
            if (!standings.entries().isEmpty()) {
                lines.add(new Line("     \u22EE", false));
            }
            lines.add(new Line(entryLine(standings.ownRank(), ownName, standings.ownScore(), true), true));
        }
        return lines;
    }

    private static String entryLine(long rank, String name, long score, boolean own) {
        return String.format(Locale.ROOT, "%s %5s  %-" + MAX_NAME_CHARS + "s %10s%s", own ? OWN_MARK : " ",
                rank + ".", name(name), Formats.grouped(score), own ? "  \u2190 you" : "");
    }

    @Override
    public void notice(Notice notice) {
        session.closePrompt();
        String name = ErrorCode.fromCode(notice.code()).map(Enum::name).orElse("notice " + notice.code());
        err.println("server: " + shown(notice.message()) + " (" + name + ")");
        err.flush();
    }

    @Override
    public void closed(RoomClosed closed) {
        session.closePrompt();
        String why = switch (closed.reason()) {
            case GAME_OVER -> "the game is over";
            case HOST_ENDED -> "the host ended the game";
            case HOST_GONE -> "the host was gone for too long";
            case KICKED -> "the host removed you from the room";
            case SERVER_SHUTTING_DOWN -> "the server is shutting down";
        };
        out.println("Room closed: " + why + (closed.message().isEmpty() ? "" : " (" + shown(closed.message()) + ")"));
        out.flush();
    }

    @Override
    public void summary(SessionSummary summary, Standings finalStandings, String code) {
        session.closePrompt();
        out.println();
        if (finalStandings == null) {
            out.println("You left room " + code + " with " + Formats.grouped(summary.score())
                    + " points. Your seat is kept while the game runs: scripts/quiz join " + code + " takes it back.");
        } else if (finalStandings.ownRank() == 0) {
            out.println("Game over: " + Formats.grouped(summary.score()) + " points (the server sent no rank).");
        } else {
            out.println("Game over: you finished " + ordinal(finalStandings.ownRank()) + " of "
                    + players(finalStandings.players()) + " with " + Formats.grouped(summary.score()) + " points.");
        }
        out.println(String.format(Locale.ROOT, "  %-11s %d of %d (%d answered)", "correct", summary.correct(),
                summary.total(), summary.answered()));
        out.println(String.format(Locale.ROOT, "  %-11s %s", "best streak", summary.bestStreak()));
        out.println(String.format(Locale.ROOT, "  %-11s %s", "avg answer", summary.averageAnswerMillis().isPresent()
                ? Formats.duration(summary.averageAnswerMillis().getAsLong()) : "-"));
        out.println(String.format(Locale.ROOT, "  %-11s %s", "duration", Formats.duration(summary.durationMillis())));
        out.flush();
    }

    @Override
    public void help(List<String> lines) {
        session.closePrompt();
        lines.forEach(out::println);
        out.flush();
    }

    @Override
    public void note(String line) {
        session.closePrompt();
        err.println(shown(line));
        err.flush();
    }

    /** {@code 1st}, {@code 2nd}, {@code 3rd}, {@code 11th}, {@code 22nd}. */
    static String ordinal(long n) {
        long lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return Formats.grouped(n) + suffix;
    }

    private static String players(long count) {
        return Formats.grouped(count) + (count == 1 ? " player" : " players");
    }

    /** A player's name as it may reach the terminal: sanitised, and cut to a table's width. */
    static String name(String name) {
        return ShownName.of(name);
    }

    private static String shown(String text) {
        return TerminalText.sanitize(text);
    }
}
