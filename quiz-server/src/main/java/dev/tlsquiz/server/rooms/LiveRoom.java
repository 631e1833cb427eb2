package dev.tlsquiz.server.rooms;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Notice;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomCloseReason;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.RoomRole;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.game.GameEvent.ProblemOpened;
import dev.tlsquiz.server.room.JoinRefusal;
import dev.tlsquiz.server.room.RoomCodes;
import dev.tlsquiz.server.room.RoomGame;
import dev.tlsquiz.server.room.RoomGame.AnswerOutcome;
import dev.tlsquiz.server.room.RoomGame.JoinOutcome;
import dev.tlsquiz.server.room.RoomGame.QuestionClosed;
import dev.tlsquiz.server.room.RoomGame.SeatVerdict;
import dev.tlsquiz.server.room.Seat;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.text.LogText;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live room, driven on ONE event loop: a {@link RoomGame} (the rules) turned into messages and
 * timers. Every call from a connection comes through {@link #execute}, so the room's state is only
 * ever touched on its loop; every message goes out through {@link RoomMember#send}, which hands it
 * to the member's channel without blocking. A player who stops reading is dropped by their own
 * channel's slow-consumer handler, and the room goes on.
 *
 * <p>What it sends, and when: WELCOME and ROOM to whoever joins; LOBBY on joins and leaves,
 * coalesced to one per {@code --room-lobby-interval}; the same PROBLEM to every player at once;
 * PROGRESS while answers arrive (the host at most every 250 ms, players every second, each only
 * when the count changed); at the close each player's VERDICT then STANDINGS (top N and their own
 * rank); the next question after {@code --room-reveal-time} unless paused; at the end, once the
 * results are kept, the final STANDINGS, each player's SUMMARY and ROOM_CLOSED.
 */
public final class LiveRoom {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRoom.class);
    static final long HOST_PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    static final long PLAYER_PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * The newest joiners a LOBBY lists: a screen's worth. A frame could hold a few hundred, but a room of
     * 10,000 sends its LOBBY to every player; the count of players is always exact.
     */
    static final int LOBBY_NAMES = 100;

    private final String code;
    private final EventExecutor loop;
    private final RoomContext context;
    private final RoomGame game;
    private final long gameId;
    private final String settings;
    private final Instant opened = Instant.now();

    private RoomMember host;
    private final String hostName;
    /** Who may take the room back as its host: the gate's mode and name, see {@link #reclaim}. */
    private final String hostKey;
    private final Map<RoomMember, Seat> seatOf = new HashMap<>();
    private final Map<Seat, RoomMember> memberOf = new HashMap<>();
    /** Where each seat last joined from; kept only under {@code --store-addresses}, for the results. */
    private final Map<Seat, String> addressOf = new HashMap<>();

    private ScheduledFuture<?> questionTimer;
    private ScheduledFuture<?> nextTimer;
    private ScheduledFuture<?> hostGraceTimer;
    private ScheduledFuture<?> lobbyTimer;
    private ScheduledFuture<?> hostProgressTimer;
    private ScheduledFuture<?> playerProgressTimer;
    private boolean lobbyDirty;
    private long lastLobbyNanos = Long.MIN_VALUE / 2;
    private long lastHostProgressNanos = Long.MIN_VALUE / 2;
    private long lastPlayerProgressNanos = Long.MIN_VALUE / 2;
    private long hostProgressSent = -1;
    private long playerProgressSent = -1;
    private Instant started;
    private boolean finishing;
    /** The final messages (or the error in their place) have gone out. */
    private boolean delivered;

    /**
     * @param code     the room's canonical code
     * @param loop     the one event loop the room lives on
     * @param context  what rooms share with the server
     * @param game     the game's rules and state, with its questions
     * @param gameId   the game's id in the results
     * @param settings the questions' source in words, for the results
     * @param hostName the host's name
     * @param hostKey  what a host must match to take the room back after a drop
     */
    public LiveRoom(String code, EventExecutor loop, RoomContext context, RoomGame game, long gameId, String settings,
                    String hostName, String hostKey) {
        this.code = code;
        this.loop = loop;
        this.context = context;
        this.game = game;
        this.gameId = gameId;
        this.settings = settings;
        this.hostName = hostName;
        this.hostKey = hostKey;
    }

    /** The canonical code, such as {@code K7Q2MF}. */
    public String code() {
        return code;
    }

    /** The code as people type it, such as {@code K7Q-2MF}. */
    public String displayCode() {
        return RoomCodes.display(code);
    }

    /** Runs {@code task} on the room's loop: the one way in. */
    public void execute(Runnable task) {
        try {
            loop.execute(() -> run(task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The server is stopping and the room's loop with it: nothing is left to tell.
            LOG.debug("room {}: loop stopped, dropping a task", displayCode());
        }
    }

    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A failure of ours must not leave the room half-updated and silent: end it for everyone.
            LOG.error("room {} failed; ending its game", displayCode(), e);
            endGame(RoomCloseReason.GAME_OVER, "the room failed");
        }
    }

    // ---- the host ----

    /** The host who opened the room is in: WELCOME, ROOM, LOBBY. */
    public void hostOpened(RoomMember member) {
        host = member;
        context.metrics().roomOpened();
        LOG.info("room {} opened: host={} rounds={} settings={}", displayCode(), LogText.value(hostName),
                game.rounds(), LogText.value(settings));
        welcomeHost(member);
    }

    /**
     * A host wants the room back after a drop: allowed when {@code key} is the opener's (the same
     * certificate name, the token, or under {@code anyone} the same name). With
     * {@code onlyAfterADrop} (under {@code anyone}, where the key is a name every player is shown) a
     * connected host keeps the room: a player who knows the code and the name cannot take it.
     */
    public void reclaim(RoomMember member, String key, boolean onlyAfterADrop, Runnable refused) {
        if (finishing || !hostKey.equals(key) || (onlyAfterADrop && host != null && host != member)) {
            refused.run();
            return;
        }
        if (host != null && host != member) {
            host.finish(List.of(new ErrorMessage(ErrorCode.HOST_REFUSED,
                    "the room was taken back by another host connection")));
        }
        host = member;
        cancel(hostGraceTimer);
        LOG.info("room {}: host is back", displayCode());
        welcomeHost(member);
        if (game.standings().round() > 0) {
            member.send(standingsFor(null, game.standings()));
        }
    }

    private void welcomeHost(RoomMember member) {
        member.send(new Welcome(Protocol.VERSION_2, member.sessionId(), game.rounds(),
                game.settings().timeLimit().toMillis(), hostName, context.serverName()));
        member.send(new Room(displayCode(), RoomRole.HOST, "", RoomWire.state(game.state()), game.connectedCount(),
                hostName, game.settings().lateJoin()));
        member.send(lobby());
    }

    /** A host command. */
    public void command(RoomMember member, HostCommand command) {
        if (member != host || finishing) {
            return;
        }
        switch (command.action()) {
            case START -> game.start(now()).ifPresentOrElse(this::fanOut, () -> notice(game.whyNotStart()));
            case NEXT -> next();
            case PAUSE -> game.pause().ifPresentOrElse(this::notice, this::stateChanged);
            case RESUME -> game.resume().ifPresentOrElse(this::notice, () -> {
                stateChanged();
                if (game.nextDue() && nextTimer == null) {
                    openNext();
                }
            });
            case KICK -> kick(command.argument());
            case END -> endGame(RoomCloseReason.HOST_ENDED, "the host ended the game");
        }
    }

    private void next() {
        if (game.questionOpen()) {
            closeQuestion();
        } else if (game.nextDue()) {
            openNext();
        } else {
            notice(switch (game.state()) {
                case LOBBY -> "the game has not started; `start` begins it";
                case PAUSED -> "the game is paused; `resume` goes on";
                default -> "the game is over";
            });
        }
    }

    private void kick(String name) {
        Optional<Seat> kicked = game.kick(name);
        if (kicked.isEmpty()) {
            notice("no player named " + name + " in room " + displayCode());
            return;
        }
        Seat seat = kicked.get();
        RoomMember member = memberOf.remove(seat);
        if (member != null) {
            seatOf.remove(member);
            context.metrics().roomPlayersChanged(-1);
            member.finish(List.of(new RoomClosed(RoomCloseReason.KICKED, "the host removed you from room "
                    + displayCode())));
        }
        LOG.info("room {}: host kicked {}", displayCode(), LogText.value(name));
        lobbyChanged();
        closeIfEveryoneAnswered();
    }

    /** The host's connection is gone: the grace period runs. */
    public void hostLeft(RoomMember member) {
        if (member != host) {
            return;
        }
        host = null;
        if (finishing) {
            return;
        }
        Duration grace = context.rules().hostGrace();
        LOG.info("room {}: host left; the game ends in {} unless the host comes back", displayCode(), grace);
        hostGraceTimer = schedule(() -> endGame(RoomCloseReason.HOST_GONE, "the host was gone for longer than "
                + grace.toSeconds() + " s"), grace.toNanos());
    }

    // ---- players ----

    /**
     * A player asks for a seat.
     *
     * @param refused called with the error to send (the session sends it and closes) when there is no seat
     */
    public void join(RoomMember member, String name, boolean verified, String seatToken, String fingerprint,
                     java.util.function.Consumer<ErrorMessage> refused) {
        JoinOutcome outcome = finishing
                ? new JoinOutcome.Refused(JoinRefusal.GAME_OVER, "the game in this room is over")
                : game.join(name, verified, seatToken, fingerprint, now());
        if (outcome instanceof JoinOutcome.Refused refusal) {
            refused.accept(new ErrorMessage(errorCode(refusal.reason()), refusal.message()));
            return;
        }
        JoinOutcome.Seated seated = (JoinOutcome.Seated) outcome;
        Seat seat = seated.seat();
        RoomMember previous = memberOf.put(seat, member);
        if (previous != null) {
            seatOf.remove(previous);
            previous.finish(List.of(new ErrorMessage(ErrorCode.NAME_TAKEN,
                    "your seat was taken back by a new connection with your seat token")));
        } else {
            context.metrics().roomPlayersChanged(1);
        }
        seatOf.put(member, seat);
        if (context.keeping().storeAddresses()) {
            addressOf.put(seat, member.address());
        }
        List<dev.tlsquiz.codec.QuizMessage> welcome = new java.util.ArrayList<>(5);
        welcome.add(new Welcome(Protocol.VERSION_2, member.sessionId(), game.rounds(),
                game.settings().timeLimit().toMillis(), seat.name(), context.serverName()));
        welcome.add(new Room(displayCode(), RoomRole.PLAYER, seat.token(), RoomWire.state(game.state()),
                game.connectedCount(), hostName, game.settings().lateJoin()));
        welcome.add(lobby());
        if (game.standings().round() > 0) {
            welcome.add(standingsFor(seat, game.standings()));
        }
        seated.problem().ifPresent(problem -> welcome.add(RoomWire.problem(problem)));
        member.send(welcome);
        lobbyChanged();
    }

    /** A player's answer. */
    public void answer(RoomMember member, long problemId, String text) {
        Seat seat = seatOf.get(member);
        if (seat == null || finishing) {
            return;
        }
        AnswerOutcome outcome = game.answer(seat, problemId, text, now());
        if (outcome instanceof AnswerOutcome.Accepted accepted) {
            context.metrics().judged(accepted.marking().judgement());
            if (accepted.everyone()) {
                closeQuestion();
            } else {
                progressChanged();
            }
        } else if (outcome instanceof AnswerOutcome.Noticed noticed) {
            member.send(new Notice(ErrorCode.UNEXPECTED_MESSAGE, noticed.message()));
        } else if (outcome instanceof AnswerOutcome.Refused refusedAnswer) {
            left(member);
            member.finish(List.of(new ErrorMessage(ErrorCode.WRONG_PROBLEM, refusedAnswer.message())));
        }
    }

    /** A player said BYE: their SUMMARY, then the connection closes; the seat stays for a rejoin. */
    public void bye(RoomMember member) {
        Seat seat = seatOf.get(member);
        if (seat == null) {
            return;
        }
        left(member);
        member.finish(List.of(summary(seat)));
    }

    /** A player's connection is gone. */
    public void left(RoomMember member) {
        Seat seat = seatOf.remove(member);
        if (seat == null) {
            return;
        }
        if (memberOf.get(seat) == member) {
            memberOf.remove(seat);
            context.metrics().roomPlayersChanged(-1);
            if (!finishing) {
                game.leave(seat);
                lobbyChanged();
                closeIfEveryoneAnswered();
            }
        }
    }

    /** The server is shutting down: the game ends now, with final standings. */
    public void serverShutdown() {
        endGame(RoomCloseReason.SERVER_SHUTTING_DOWN, "the server is shutting down");
    }

    // ---- questions ----

    private void openNext() {
        cancel(nextTimer);
        nextTimer = null;
        fanOut(game.next(now()));
    }

    /** The same PROBLEM to every player at once; the fan-out's time is measured to the last write. */
    private void fanOut(ProblemOpened opened) {
        long from = now();
        if (started == null) {
            started = Instant.now();
        }
        hostProgressSent = -1;
        playerProgressSent = -1;
        Problem problem = RoomWire.problem(opened);
        Broadcast broadcast = new Broadcast();
        for (RoomMember member : memberOf.values()) {
            broadcast.add(member, problem);
        }
        broadcast.send(() -> context.metrics().roomFanOut(context.clock().nanoTime() - from));
        long problemId = opened.problemId();
        questionTimer = schedule(() -> {
            if (game.openProblemId() == problemId) {
                closeQuestion();
            }
        }, opened.deadlineNanos() - from);
        if (host != null) {
            host.send(new Progress(problemId, 0, game.connectedCount()));
            hostProgressSent = 0;
        }
    }

    private void closeIfEveryoneAnswered() {
        if (game.everyoneAnswered()) {
            closeQuestion();
        }
    }

    private void closeQuestion() {
        cancel(questionTimer);
        cancelProgress();
        QuestionClosed closed = game.close(now());
        reveal(closed);
        if (closed.standings().last()) {
            finishGame(RoomCloseReason.GAME_OVER, "the game is over");
        } else if (game.nextDue()) {
            nextTimer = schedule(() -> {
                nextTimer = null;
                if (game.nextDue()) {
                    openNext();
                }
            }, context.rules().revealTime().toNanos());
        } else {
            stateChanged();
        }
    }

    /** Every player's VERDICT, then (unless they are final, which wait for the results) the STANDINGS. */
    private void reveal(QuestionClosed closed) {
        boolean last = closed.standings().last();
        List<Standings.Entry> top = RoomWire.entries(closed.standings(), context.rules().standingsTop());
        Broadcast broadcast = new Broadcast();
        for (SeatVerdict verdict : closed.verdicts()) {
            RoomMember member = memberOf.get(verdict.seat());
            if (member == null) {
                continue;
            }
            Verdict message = new Verdict(closed.problemId(), RoomWire.outcome(verdict.marking().judgement()),
                    verdict.marking().expectedAnswer(), verdict.marking().points(),
                    RoomWire.clampU32(verdict.score()), verdict.marking().feedback());
            broadcast.add(member, last ? List.of(message)
                    : List.of(message, standings(closed.standings(), top, verdict.seat())));
        }
        if (!last && host != null) {
            broadcast.add(host, standings(closed.standings(), top, null));
        }
        broadcast.send();
    }

    // ---- the end ----

    private void endGame(RoomCloseReason reason, String message) {
        if (finishing) {
            return;
        }
        cancel(questionTimer);
        cancel(nextTimer);
        cancelProgress();
        Optional<QuestionClosed> closed = game.end(now());
        closed.ifPresent(this::reveal);
        finishGame(reason, message);
    }

    /**
     * The game is over: the results go to the store, and only once they are kept do the final
     * STANDINGS, SUMMARY and ROOM_CLOSED go out, so nobody is shown a result the store could lose.
     */
    private void finishGame(RoomCloseReason reason, String message) {
        if (finishing) {
            return;
        }
        finishing = true;
        cancel(questionTimer);
        cancel(nextTimer);
        cancel(hostGraceTimer);
        cancel(lobbyTimer);
        cancelProgress();
        GameRecord record = RoomResults.record(this, game, reason, context.instance());
        // As a solo SUMMARY: a store that has not kept the game in time is said so, and the game stays queued.
        ScheduledFuture<?> waitOver = schedule(() -> deliverFinal(reason, message, Optional.of(resultsSlow())),
                context.keeping().summaryWait().toNanos());
        context.results().gameEnded(record).whenComplete((kept, failure) -> loop.execute(() -> {
            cancel(waitOver);
            if (failure != null) {
                // A database's message may quote what it refused (a player's name or answer): escaped.
                LOG.warn("room {}: the results could not be kept: {}", displayCode(),
                        LogText.value(failure.toString()));
            }
            deliverFinal(reason, message, failure != null ? Optional.of(resultsLost()) : Optional.empty());
        }));
    }

    /**
     * The final messages: the standings, or, when the store has not kept the game, {@code instead}. Once:
     * whichever of the store's answer and the wait's end comes first.
     */
    private void deliverFinal(RoomCloseReason reason, String message, Optional<ErrorMessage> instead) {
        if (delivered) {
            return;
        }
        delivered = true;
        dev.tlsquiz.server.room.Standings standings = game.standings();
        List<Standings.Entry> top = RoomWire.entries(standings, context.rules().standingsTop());
        for (Map.Entry<Seat, RoomMember> entry : memberOf.entrySet()) {
            entry.getValue().finish(instead.isPresent() ? List.of(instead.get())
                    : List.of(standings(standings, top, entry.getKey()), summary(entry.getKey()),
                            new RoomClosed(reason, message)));
        }
        if (host != null) {
            host.finish(instead.isPresent() ? List.of(instead.get())
                    : List.of(standings(standings, top, null), new RoomClosed(reason, message)));
        }
        context.metrics().roomPlayersChanged(-memberOf.size());
        context.metrics().roomClosed();
        LOG.info("room {} closed: reason={} rounds={}/{} players={}", displayCode(), reason, game.round(),
                game.rounds(), standings.ranked().size());
        memberOf.clear();
        seatOf.clear();
        host = null;
        context.registry().closed(this);
    }

    /** The address {@code seat} last joined from, or null when the server keeps no addresses. */
    String address(Seat seat) {
        return addressOf.get(seat);
    }

    private static ErrorMessage resultsLost() {
        return new ErrorMessage(ErrorCode.SERVER_BUSY, "results store unavailable: this game could not be kept,"
                + " so its final standings are not shown; please play again later");
    }

    private static ErrorMessage resultsSlow() {
        return new ErrorMessage(ErrorCode.SERVER_BUSY, "results store unavailable: this game is kept once the"
                + " store is back, but its final standings cannot be shown now; try again later");
    }

    // ---- what players see ----

    private Standings standingsFor(Seat seat, dev.tlsquiz.server.room.Standings standings) {
        return standings(standings, RoomWire.entries(standings, context.rules().standingsTop()), seat);
    }

    private static Standings standings(dev.tlsquiz.server.room.Standings standings, List<Standings.Entry> top,
                                       Seat seat) {
        return new Standings(standings.problemId(), standings.round(), standings.rounds(), standings.last(),
                standings.ranked().size(), top, seat == null ? 0 : seat.rank(),
                seat == null ? 0 : RoomWire.clampU32(seat.score()));
    }

    private Summary summary(Seat seat) {
        long played = started == null ? 0 : Duration.between(started, Instant.now()).toMillis();
        return new Summary(seat.scorecard().correctCount(), seat.scorecard().answeredCount(),
                seat.scorecard().askedCount(), RoomWire.clampU32(seat.score()), played);
    }

    private Lobby lobby() {
        return new Lobby(RoomWire.state(game.state()), game.connectedCount(),
                RoomWire.fitNames(game.newestNames(LOBBY_NAMES)));
    }

    private void notice(String message) {
        if (host != null) {
            host.send(new Notice(ErrorCode.UNEXPECTED_MESSAGE, message));
        }
    }

    /** The game was paused or resumed: everyone's LOBBY says so at once. */
    private void stateChanged() {
        lobbyDirty = true;
        flushLobby();
    }

    /** Someone joined or left: a LOBBY to everyone, at most one per lobby interval. */
    private void lobbyChanged() {
        lobbyDirty = true;
        if (lobbyTimer == null) {
            long delay = Math.max(0, lastLobbyNanos + context.rules().lobbyInterval().toNanos() - now());
            lobbyTimer = schedule(this::flushLobby, delay);
        }
    }

    private void flushLobby() {
        cancel(lobbyTimer);
        lobbyTimer = null;
        if (!lobbyDirty || finishing) {
            return;
        }
        lobbyDirty = false;
        lastLobbyNanos = now();
        Lobby lobby = lobby();
        Broadcast broadcast = new Broadcast();
        for (RoomMember member : memberOf.values()) {
            broadcast.add(member, lobby);
        }
        if (host != null) {
            broadcast.add(host, lobby);
        }
        broadcast.send();
    }

    private void progressChanged() {
        long now = now();
        if (hostProgressTimer == null) {
            hostProgressTimer = schedule(this::flushHostProgress,
                    Math.max(0, lastHostProgressNanos + HOST_PROGRESS_NANOS - now));
        }
        if (playerProgressTimer == null) {
            playerProgressTimer = schedule(this::flushPlayerProgress,
                    Math.max(0, lastPlayerProgressNanos + PLAYER_PROGRESS_NANOS - now));
        }
    }

    private void flushHostProgress() {
        hostProgressTimer = null;
        if (!game.questionOpen() || host == null) {
            return;
        }
        long answered = game.answeredCount();
        if (answered != hostProgressSent) {
            hostProgressSent = answered;
            lastHostProgressNanos = now();
            host.send(new Progress(game.openProblemId(), answered, game.connectedCount()));
        }
    }

    private void flushPlayerProgress() {
        playerProgressTimer = null;
        if (!game.questionOpen()) {
            return;
        }
        long answered = game.answeredCount();
        if (answered != playerProgressSent) {
            playerProgressSent = answered;
            lastPlayerProgressNanos = now();
            Progress progress = new Progress(game.openProblemId(), answered, game.connectedCount());
            Broadcast broadcast = new Broadcast();
            for (RoomMember member : memberOf.values()) {
                broadcast.add(member, progress);
            }
            broadcast.send();
        }
    }

    private void cancelProgress() {
        cancel(hostProgressTimer);
        cancel(playerProgressTimer);
        hostProgressTimer = null;
        playerProgressTimer = null;
    }

    private static ErrorCode errorCode(JoinRefusal refusal) {
        return switch (refusal) {
            case NAME_TAKEN -> ErrorCode.NAME_TAKEN;
            case KICKED -> ErrorCode.KICKED;
            case LATE_JOIN_REFUSED -> ErrorCode.LATE_JOIN_REFUSED;
            case ROOM_FULL -> ErrorCode.ROOM_FULL;
            case GAME_OVER -> ErrorCode.ROOM_NOT_FOUND;
        };
    }

    // ---- inside ----

    long gameId() {
        return gameId;
    }

    String settings() {
        return settings;
    }

    Instant startedAt() {
        return started != null ? started : opened;
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return loop.schedule(() -> run(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private long now() {
        return context.clock().nanoTime();
    }

    @Override
    public String toString() {
        return "LiveRoom[" + displayCode() + "]";
    }
}
