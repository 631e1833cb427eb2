package dev.tlsquiz.client.room;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.Failures;
import dev.tlsquiz.client.play.RoomSeat;
import dev.tlsquiz.client.render.RoomView;
import dev.tlsquiz.client.render.SessionSummary;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Join;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Notice;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomCloseReason;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.RoomRole;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Welcome;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A player's seat in a room ({@code quiz join}): JOIN with the kept seat token, the token kept from ROOM
 * on and forgotten when the game ends or the seat is gone, and the room's messages shown through the
 * {@link RoomView}. Confined to the play loop's thread.
 */
final class JoinSeat implements RoomSeat {

    private final String code;
    private final String name;
    private final SeatTokens tokens;
    private final String keptToken;
    private final RoomView view;

    private Welcome welcome;
    private Progress lastProgress;
    private Lobby lastLobby;
    private long answeredProblemId = -1;
    private Standings finalStandings;
    private RoomClosed closed;

    /**
     * @param code      the room's canonical code
     * @param keptToken the seat token kept from an earlier join of this room, or empty
     */
    JoinSeat(String code, String name, SeatTokens tokens, Optional<String> keptToken, RoomView view) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.keptToken = keptToken.orElse("");
        this.view = Objects.requireNonNull(view, "view");
    }

    @Override
    public QuizMessage opening() {
        return new Join(Protocol.VERSION, code, name, keptToken);
    }

    @Override
    public void onMessage(QuizMessage message, boolean answering) {
        switch (message.type()) {
            case WELCOME -> welcome = (Welcome) message;
            case ROOM -> onRoom((Room) message);
            case LOBBY -> {
                Lobby lobby = (Lobby) message;
                // A new player gets the room's LOBBY, and the coalesced one after it may say the same.
                if (!lobby.equals(lastLobby)) {
                    view.lobby(lobby, answering);
                }
                lastLobby = lobby;
            }
            case PROGRESS -> {
                Progress progress = (Progress) message;
                lastProgress = progress;
                // People see the count once they have answered; scripts (JSON) always.
                view.progress(progress, answering || progress.problemId() != answeredProblemId);
            }
            case STANDINGS -> {
                Standings standings = (Standings) message;
                if (standings.finalStandings()) {
                    finalStandings = standings;
                }
                view.standings(standings, welcome == null ? name : welcome.playerName());
            }
            case NOTICE -> view.notice((Notice) message);
            case ROOM_CLOSED -> {
                closed = (RoomClosed) message;
                view.closed(closed);
                if (closed.reason() != RoomCloseReason.SERVER_SHUTTING_DOWN && closed.reason() != RoomCloseReason.KICKED) {
                    // The game ended: there is no seat to take back. A kicked seat's token is kept: it proves the
                    // seat, so a later join of this code is told KICKED (and forgets it) rather than NAME_TAKEN.
                    forgetToken();
                }
            }
            default -> throw new IllegalArgumentException("not a room message: " + message.type());
        }
    }

    private void onRoom(Room room) {
        if (room.role() == RoomRole.PLAYER && !room.seatToken().isEmpty() && !room.seatToken().equals(keptToken)) {
            try {
                tokens.store(code, room.seatToken());
            } catch (IOException | IllegalArgumentException e) {
                view.note("cannot keep the seat token in " + tokens.dir() + " (" + e.getMessage() + "): if this"
                        + " connection drops, quiz join " + code + " cannot take the seat back");
            }
        }
        Welcome shown = welcome != null ? welcome : new Welcome(Protocol.VERSION, 0, 0, 0, name, "");
        view.joined(room, shown, !keptToken.isEmpty());
    }

    @Override
    public void answerSent(Problem problem) {
        answeredProblemId = problem.problemId();
        view.waiting(lastProgress != null && lastProgress.problemId() == problem.problemId() ? lastProgress : null);
    }

    @Override
    public void summary(SessionSummary summary) {
        view.summary(summary, finalStandings, code);
        if (finalStandings != null) {
            forgetToken();
        }
    }

    @Override
    public ClientFailure serverError(ErrorMessage error) {
        ErrorCode errorCode = error.errorCode().orElse(null);
        if (errorCode == null) {
            return Failures.serverError(error);
        }
        return switch (errorCode) {
            case ROOM_NOT_FOUND -> {
                forgetToken();
                yield refused(ExitCodes.ROOM_NOT_FOUND, error, "check the code with the host");
            }
            case KICKED -> {
                forgetToken();
                yield refused(ExitCodes.KICKED, error, "the host removed you; you cannot rejoin this room");
            }
            case NAME_TAKEN -> refused(ExitCodes.ROOM_REFUSED, error, "choose another --name, or rejoin from the"
                    + " machine (and user) that holds the seat");
            case LATE_JOIN_REFUSED -> refused(ExitCodes.ROOM_REFUSED, error, "wait for the next game");
            case ROOM_FULL, RATE_LIMITED -> refused(ExitCodes.ROOM_REFUSED, error, "tell the host; try again later");
            default -> Failures.serverError(error);
        };
    }

    /**
     * {@code cannot join room K7Q-2MF: <the server's words> (NAME_TAKEN)}; the client's own advice only when
     * the server gave no message.
     */
    private ClientFailure refused(int exitCode, ErrorMessage error, String advice) {
        String name = error.errorCode().map(Enum::name).orElseThrow();
        String said = error.message().isBlank() ? advice : error.message();
        return new ClientFailure(exitCode, name, error.code(), "cannot join room " + code + ": " + said + " (" + name
                + ")", null);
    }

    @Override
    public Optional<ClientFailure> closedByServer() {
        if (closed == null) {
            return Optional.empty();
        }
        if (closed.reason() == RoomCloseReason.KICKED) {
            return Optional.of(new ClientFailure(ExitCodes.KICKED, "KICKED",
                    "the host removed you from room " + code + "; you cannot rejoin it", null));
        }
        return Optional.of(new ClientFailure(ExitCodes.PROTOCOL_ERROR, "ROOM_CLOSED",
                "room " + code + " closed (" + closed.reason().name().toLowerCase(java.util.Locale.ROOT)
                        + ") before the server sent your summary", null));
    }

    private void forgetToken() {
        try {
            tokens.delete(code);
        } catch (IOException e) {
            view.note("cannot delete the seat token " + tokens.dir().resolve(code) + ": " + e.getMessage());
        }
    }
}
