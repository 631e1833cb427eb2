package dev.tlsquiz.server.room;

import dev.tlsquiz.bank.Question;
import dev.tlsquiz.server.game.GameEvent.ProblemOpened;
import dev.tlsquiz.server.game.Marking;
import dev.tlsquiz.server.quiz.ProblemSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The rules of one room's game, apart from any transport: seats, the lobby, one question at a time
 * for everyone, each answer judged the moment it arrives with the solo scoring rule ({@link Marking})
 * but revealed only when the question closes, standings with shared ranks, late joiners at 0
 * points, rejoin keeping the score, kick, pause between questions and the end. Inputs are plain
 * values with the time they happen ({@code nowNanos}); outputs are plain records. The game starts no
 * timers: its driver closes a question at its deadline ({@link #close}) and opens the next
 * ({@link #next}) when it is due.
 *
 * <pre>
 * LOBBY --start--> PLAYING (question open --close--> between --next--> question open ...) --last close / end--> FINISHED
 *                     |  pause (takes effect between questions) / resume  |
 *                     +----------------------- PAUSED --------------------+
 * </pre>
 *
 * <p>Not thread-safe: confined to the room's event loop.
 */
public final class RoomGame {

    private final RoomSettings settings;
    private final ProblemSource problems;
    private final Supplier<String> seatTokens;
    /** By name, in joining order. */
    private final Map<String, Seat> seats = new LinkedHashMap<>();
    /** The same seats in joining order, for the newest joiners without copying 10,000 seats per join. */
    private final List<Seat> joinOrder = new ArrayList<>();
    private final List<AskedQuestion> asked = new ArrayList<>();

    private RoomState state = RoomState.LOBBY;
    private final int rounds;
    private int round;
    private int nextSeatNumber;
    private boolean pauseRequested;
    /** The open question; null between questions. */
    private Question open;
    private Duration openTimeLimit;
    private long openedAtNanos;
    private long lastClosedProblemId;
    private Standings lastStandings;
    /** Connected, unkicked seats; kept as it changes, as a room of 10,000 asks for it on every answer. */
    private int connected;
    /** Unkicked seats that answered the open question. */
    private int answered;
    /** Connected, unkicked seats that answered the open question: when it reaches {@link #connected}, it closes. */
    private int answeredConnected;

    /**
     * @param settings   the game's settings
     * @param problems   the questions, one per round, the same for every player
     * @param seatTokens where seat tokens come from (secret, unguessable)
     */
    public RoomGame(RoomSettings settings, ProblemSource problems, Supplier<String> seatTokens) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.seatTokens = Objects.requireNonNull(seatTokens, "seatTokens");
        OptionalInt available = problems.available();
        this.rounds = Math.min(settings.rounds(), available.orElse(Integer.MAX_VALUE));
        this.lastStandings = new Standings(0, 0, rounds, false, List.of());
    }

    /** What a join came to. */
    public sealed interface JoinOutcome {
        /**
         * The player has a seat.
         *
         * @param seat     their seat
         * @param rejoined whether they came back to a seat they had
         * @param replaced whether another connection held the seat and must be let go
         * @param problem  the open question with the time left, unless they answered it already
         */
        record Seated(Seat seat, boolean rejoined, boolean replaced, Optional<ProblemOpened> problem)
                implements JoinOutcome {
        }

        /** No seat: why, and a message that says what to do. */
        record Refused(JoinRefusal reason, String message) implements JoinOutcome {
        }
    }

    /** What an answer came to. */
    public sealed interface AnswerOutcome {
        /**
         * Judged and kept until the close.
         *
         * @param answered players who have answered the open question
         * @param players  players who could answer it (connected seats)
         * @param everyone whether every one of them has: the driver closes the question now
         */
        record Accepted(Marking marking, int answered, int players, boolean everyone) implements AnswerOutcome {
        }

        /** Not judged, said to the player and otherwise ignored (a second answer, say). */
        record Noticed(String message) implements AnswerOutcome {
        }

        /** An answer for the question that just closed: it crossed the close on the wire; ignored silently. */
        record Late() implements AnswerOutcome {
        }

        /** An answer for no question that ever was open: a protocol violation. */
        record Refused(String message) implements AnswerOutcome {
        }
    }

    /**
     * A question closed: each seat's verdict, then the standings.
     *
     * @param problemId the question
     * @param verdicts  every seat asked it (kicked ones aside), with how it was marked
     * @param standings the standings after it (final when it was the last)
     */
    public record QuestionClosed(long problemId, List<SeatVerdict> verdicts, Standings standings) {
    }

    /** One seat's verdict on a closed question, and the score after it. */
    public record SeatVerdict(Seat seat, Marking marking, long score) {
    }

    /**
     * A question the game asked, as the results keep it.
     *
     * @param round    its round, which is also its problem id
     * @param question the question
     */
    public record AskedQuestion(int round, Question question) {
    }

    // ---- joining and leaving ----

    /**
     * A player asks for a seat: a new one, or theirs back.
     *
     * @param name        the name admitted for the connection (a certificate's, or the one sent)
     * @param verified    whether a client certificate vouches for it: then the name alone proves the seat
     * @param seatToken   the seat token sent with the join; empty on a first join
     * @param fingerprint the client certificate's fingerprint, or null
     */
    public JoinOutcome join(String name, boolean verified, String seatToken, String fingerprint, long nowNanos) {
        if (state == RoomState.FINISHED) {
            return new JoinOutcome.Refused(JoinRefusal.GAME_OVER, "the game in this room is over");
        }
        Seat existing = seats.get(name);
        if (existing != null) {
            boolean proven = verified ? existing.verified()
                    : !existing.verified() && Secrets.matches(existing.token(), seatToken);
            if (!proven) {
                return new JoinOutcome.Refused(JoinRefusal.NAME_TAKEN, "a player named " + name
                        + " is already in this room; choose another name (or, to take your seat back, join from"
                        + " where you joined first, which keeps the seat token)");
            }
            if (existing.kicked()) {
                return new JoinOutcome.Refused(JoinRefusal.KICKED, "the host removed you from this room");
            }
            boolean replaced = existing.connected();
            if (!replaced) {
                connected++;
                if (existing.pending() != null) {
                    answeredConnected++;
                }
            }
            existing.connected(true);
            return new JoinOutcome.Seated(existing, true, replaced, openFor(existing, nowNanos));
        }
        if (state != RoomState.LOBBY && !settings.lateJoin()) {
            return new JoinOutcome.Refused(JoinRefusal.LATE_JOIN_REFUSED,
                    "the game in this room has started and the host does not let players join late");
        }
        if (seats.size() >= settings.maxPlayers()) {
            return new JoinOutcome.Refused(JoinRefusal.ROOM_FULL, "the room is full ("
                    + settings.maxPlayers() + " players); ask the host to open another");
        }
        Seat seat = new Seat(nextSeatNumber++, name, verified, seatTokens.get(), fingerprint, settings.timeLimit());
        seats.put(name, seat);
        joinOrder.add(seat);
        connected++;
        if (open != null) {
            // A late joiner gets the open question, with the time left: it counts as asked.
            seat.scorecard().asked();
        }
        return new JoinOutcome.Seated(seat, false, false, openFor(seat, nowNanos));
    }

    /**
     * The seat's connection is gone. In the lobby the seat is given up (there is no score to keep);
     * once the game runs, it stays for a rejoin.
     */
    public void leave(Seat seat) {
        if (seats.get(seat.name()) != seat || !seat.connected()) {
            return;
        }
        seat.connected(false);
        connected--;
        if (seat.pending() != null) {
            answeredConnected--;
        }
        if (state == RoomState.LOBBY) {
            seats.remove(seat.name());
            joinOrder.remove(seat);
        }
    }

    /** Kicks the player of that exact name; empty when there is none (or they were kicked already). */
    public Optional<Seat> kick(String name) {
        Seat seat = seats.get(name);
        if (seat == null || seat.kicked()) {
            return Optional.empty();
        }
        if (seat.connected()) {
            connected--;
            if (seat.pending() != null) {
                answeredConnected--;
            }
        }
        if (seat.pending() != null) {
            answered--;
        }
        // Kept, marked, so that the name cannot come back; it is no longer ranked.
        seat.kick();
        return Optional.of(seat);
    }

    // ---- the questions ----

    /** The host starts the game: the first question opens. Empty (with a notice) when it cannot. */
    public Optional<ProblemOpened> start(long nowNanos) {
        if (state != RoomState.LOBBY) {
            return Optional.empty();
        }
        state = RoomState.PLAYING;
        return Optional.of(openNext(nowNanos));
    }

    /** Why {@link #start} does nothing now, for the host. */
    public String whyNotStart() {
        return state == RoomState.FINISHED ? "the game is over" : "the game has started: `start` does nothing now";
    }

    /**
     * A player's answer to question {@code problemId}, judged now; its verdict is kept secret until
     * the question closes.
     */
    public AnswerOutcome answer(Seat seat, long problemId, String text, long nowNanos) {
        if (seat.kicked() || state == RoomState.FINISHED) {
            return new AnswerOutcome.Late();
        }
        if (open == null || problemId != round) {
            if (problemId == lastClosedProblemId && problemId != 0) {
                return new AnswerOutcome.Late();
            }
            if (open == null && problemId < round && problemId > 0) {
                return new AnswerOutcome.Late();
            }
            return new AnswerOutcome.Refused("ANSWER for problem " + problemId + ", but "
                    + (open == null ? "no question is open" : "the open question is " + round));
        }
        if (seat.pending() != null) {
            return new AnswerOutcome.Noticed("you answered question " + round + " already; the first answer counts");
        }
        Duration elapsed = Duration.ofNanos(nowNanos - openedAtNanos);
        Marking marking = Marking.answer(open, text, elapsed, openTimeLimit, seat.scorecard());
        seat.pending(marking);
        answered++;
        if (seat.connected()) {
            answeredConnected++;
        }
        seat.log(new Seat.AnswerLog(round, text, marking, elapsed.toMillis()));
        return new AnswerOutcome.Accepted(marking, answered, connected, everyoneAnswered());
    }

    /** Whether a question is open. */
    public boolean questionOpen() {
        return open != null;
    }

    /** The open question's id (its round); 0 when none is open. */
    public long openProblemId() {
        return open == null ? 0 : round;
    }

    /**
     * Closes the open question (its time ran out, everyone answered, or the host said {@code next}):
     * every seat asked it that did not answer times out; the verdicts and the standings come out.
     * After the last round, the game is over and the standings are final.
     */
    public QuestionClosed close(long nowNanos) {
        if (open == null) {
            throw new IllegalStateException("close while no question is open");
        }
        List<SeatVerdict> verdicts = new ArrayList<>();
        for (Seat seat : seats.values()) {
            if (seat.kicked()) {
                continue;
            }
            Marking marking = seat.pending();
            if (marking == null) {
                if (!wasAsked(seat)) {
                    continue;
                }
                marking = Marking.timedOut(open, seat.scorecard());
                seat.log(new Seat.AnswerLog(round, null, marking, openTimeLimit.toMillis()));
            }
            seat.pending(null);
            verdicts.add(new SeatVerdict(seat, marking, seat.score()));
        }
        lastClosedProblemId = round;
        open = null;
        answered = 0;
        answeredConnected = 0;
        boolean last = round >= rounds;
        if (last) {
            state = RoomState.FINISHED;
        } else if (pauseRequested) {
            state = RoomState.PAUSED;
            pauseRequested = false;
        }
        return new QuestionClosed(round, verdicts, standings(last));
    }

    /**
     * Whether the next question is due once the previous closed: the game runs, is not paused, and
     * no question is open.
     */
    public boolean nextDue() {
        return state == RoomState.PLAYING && open == null;
    }

    /** Opens the next question. */
    public ProblemOpened next(long nowNanos) {
        if (!nextDue()) {
            throw new IllegalStateException("next while " + state + (open != null ? " with a question open" : ""));
        }
        return openNext(nowNanos);
    }

    /**
     * Pauses the game between questions: now if none is open, else once the open one closes. A
     * notice for the host when it makes no sense now.
     */
    public Optional<String> pause() {
        return switch (state) {
            case LOBBY -> Optional.of("the game has not started: nothing to pause");
            case FINISHED -> Optional.of("the game is over");
            case PAUSED -> Optional.of("the game is paused already; `resume` goes on");
            case PLAYING -> {
                if (open != null) {
                    pauseRequested = true;
                } else {
                    state = RoomState.PAUSED;
                }
                yield Optional.empty();
            }
        };
    }

    /** Resumes a paused game (the driver then opens the next question); a notice when it makes no sense. */
    public Optional<String> resume() {
        if (state == RoomState.PLAYING && pauseRequested) {
            pauseRequested = false;
            return Optional.empty();
        }
        if (state != RoomState.PAUSED) {
            return Optional.of("the game is not paused: nothing to resume");
        }
        state = RoomState.PLAYING;
        return Optional.empty();
    }

    /**
     * Ends the game now (the host said {@code end}, or left for too long). A question still open is
     * closed first, as if its time had run out; the standings are final.
     *
     * @return the close of the open question, if one was open, whose standings are final; else empty,
     *         and {@link #standings()} holds the final ones
     */
    public Optional<QuestionClosed> end(long nowNanos) {
        if (state == RoomState.FINISHED) {
            return Optional.empty();
        }
        if (open != null) {
            // Cut short: this question is the last.
            Optional<QuestionClosed> closed = Optional.of(closeAsLast(nowNanos));
            return closed;
        }
        state = RoomState.FINISHED;
        standings(true);
        return Optional.empty();
    }

    private QuestionClosed closeAsLast(long nowNanos) {
        int wanted = round;
        QuestionClosed closed = close(nowNanos);
        if (!closed.standings().last()) {
            state = RoomState.FINISHED;
            closed = new QuestionClosed(closed.problemId(), closed.verdicts(),
                    new Standings(wanted, round, rounds, true, closed.standings().ranked()));
            lastStandings = closed.standings();
        }
        return closed;
    }

    // ---- what the room looks like ----

    /** The standings as of the last close (or the end). */
    public Standings standings() {
        return lastStandings;
    }

    private Standings standings(boolean last) {
        List<Seat> ranked = new ArrayList<>();
        for (Seat seat : seats.values()) {
            if (!seat.kicked()) {
                ranked.add(seat);
            }
        }
        lastStandings = new Standings(lastClosedProblemId, round, rounds, last, Standings.rank(ranked));
        return lastStandings;
    }

    public RoomState state() {
        return state;
    }

    /** The rounds this game asks. */
    public int rounds() {
        return rounds;
    }

    /** The rounds asked so far. */
    public int round() {
        return round;
    }

    public RoomSettings settings() {
        return settings;
    }

    /** The seat of that name, kicked or not. */
    public Optional<Seat> seat(String name) {
        return Optional.ofNullable(seats.get(name));
    }

    /** Every seat, in joining order, kicked ones included. */
    public List<Seat> seats() {
        return List.copyOf(seats.values());
    }

    /** Players connected now (kicked ones are not). */
    public int connectedCount() {
        return connected;
    }

    /** Players who answered the open question. */
    public int answeredCount() {
        return answered;
    }

    /** Whether every connected player has answered the open question (and there is at least one). */
    public boolean everyoneAnswered() {
        return open != null && connected > 0 && answeredConnected >= connected;
    }

    /** The questions asked, in order. */
    public List<AskedQuestion> asked() {
        return List.copyOf(asked);
    }

    /** The newest {@code count} connected players' names, newest first. */
    public List<String> newestNames(int count) {
        List<String> names = new ArrayList<>(Math.min(count, connected));
        for (int i = joinOrder.size() - 1; i >= 0 && names.size() < count; i--) {
            Seat seat = joinOrder.get(i);
            if (seat.connected() && !seat.kicked()) {
                names.add(seat.name());
            }
        }
        return names;
    }

    // ---- inside ----

    private ProblemOpened openNext(long nowNanos) {
        Question question = problems.next();
        round++;
        open = question;
        openedAtNanos = nowNanos;
        // A bank's own time limit (a CSV column) is the author's choice for that question.
        OptionalInt own = question.header().timeLimit();
        openTimeLimit = own.isPresent() ? Duration.ofSeconds(own.getAsInt()) : settings.timeLimit();
        asked.add(new AskedQuestion(round, question));
        answered = 0;
        answeredConnected = 0;
        for (Seat seat : seats.values()) {
            seat.pending(null);
            if (!seat.kicked()) {
                seat.scorecard().asked();
            }
        }
        return opened(nowNanos);
    }

    /** The open question as sent at {@code nowNanos}: its time limit is the time left. */
    private ProblemOpened opened(long nowNanos) {
        long deadline = openedAtNanos + openTimeLimit.toNanos();
        Duration left = Duration.ofNanos(Math.max(0, deadline - nowNanos));
        return new ProblemOpened(round, round, rounds, left, open.text(), open.format(), open.choices(), deadline);
    }

    private Optional<ProblemOpened> openFor(Seat seat, long nowNanos) {
        if (open == null || seat.pending() != null) {
            return Optional.empty();
        }
        return Optional.of(opened(nowNanos));
    }

    /** Whether the seat was in the room when the open question was asked (its log or its scorecard says so). */
    private boolean wasAsked(Seat seat) {
        // A seat's asked count includes the open question when it was in the room at the opening or joined
        // while it was open; its log holds the questions already closed for it.
        return seat.scorecard().askedCount() > seat.loggedCount();
    }
}
