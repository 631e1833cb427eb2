package dev.tlsquiz.server.room;

import dev.tlsquiz.server.game.Marking;
import dev.tlsquiz.server.quiz.Scorecard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One player's place in a room: who they are, how to recognise them when they come back, and their
 * score. A seat outlives its connections: a player who drops keeps it (and their score) for a
 * rejoin while the game runs. Confined to the room's event loop, like the {@link RoomGame} that owns it.
 */
public final class Seat {

    private final int number;
    private final String name;
    private final boolean verified;
    private final String token;
    private final String certificateFingerprint;
    private final Scorecard scorecard;
    private final List<AnswerLog> answers = new ArrayList<>();
    private boolean connected = true;
    private boolean kicked;
    /** The marking of the open question's answer, kept secret until the question closes. */
    private Marking pending;
    private int rank;

    Seat(int number, String name, boolean verified, String token, String certificateFingerprint, Duration timeLimit) {
        this.number = number;
        this.name = Objects.requireNonNull(name, "name");
        this.verified = verified;
        this.token = Objects.requireNonNull(token, "token");
        this.certificateFingerprint = certificateFingerprint;
        this.scorecard = new Scorecard(timeLimit);
    }

    /** The order of joining, from 0: the newest joiner has the highest. */
    public int number() {
        return number;
    }

    /** The name the room knows the player by: unique in the room. */
    public String name() {
        return name;
    }

    /** Whether a client certificate vouches for the name. */
    public boolean verified() {
        return verified;
    }

    /** The secret that lets the player take the seat back after a drop (ROOM's seatToken). */
    public String token() {
        return token;
    }

    /** The client certificate's SHA-256 fingerprint, hex; null without one. */
    public String certificateFingerprint() {
        return certificateFingerprint;
    }

    /** The total score. */
    public long score() {
        return scorecard.score();
    }

    /** The rank at the last standings, 1 for the best; 0 before the first. */
    public int rank() {
        return rank;
    }

    /** Whether a connection holds the seat now. */
    public boolean connected() {
        return connected;
    }

    /** Whether the host kicked the player out: the seat can never be taken again. */
    public boolean kicked() {
        return kicked;
    }

    /** Questions asked, answered and answered right, for the summary. */
    public Scorecard scorecard() {
        return scorecard;
    }

    /** Every question this seat was asked, with what happened, in order. */
    public List<AnswerLog> answers() {
        return List.copyOf(answers);
    }

    /** How many questions this seat's log holds. */
    int loggedCount() {
        return answers.size();
    }

    void connected(boolean value) {
        connected = value;
    }

    void kick() {
        kicked = true;
        connected = false;
    }

    void rank(int value) {
        rank = value;
    }

    Marking pending() {
        return pending;
    }

    void pending(Marking marking) {
        pending = marking;
    }

    void log(AnswerLog entry) {
        answers.add(entry);
    }

    /**
     * What happened to one question for this seat.
     *
     * @param round   the question's round
     * @param text    the answer as sent; null for a timeout
     * @param marking how it was marked
     * @param millis  from the question's opening to the answer's arrival; the time limit for a timeout
     */
    public record AnswerLog(int round, String text, Marking marking, long millis) {
    }
}
