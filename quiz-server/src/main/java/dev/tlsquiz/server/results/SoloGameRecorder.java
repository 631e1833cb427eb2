package dev.tlsquiz.server.results;

import dev.tlsquiz.server.WireAnswerFormat;
import dev.tlsquiz.server.game.GameEvent.Judged;
import dev.tlsquiz.server.game.GameEvent.ProblemOpened;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes down one player's game as it is played, from the game's events, and makes its
 * {@link GameRecord} when it ends: each question asked with its accepted answer, each answer as
 * sent with its outcome, points and time. Times come from the game's clock (nanoseconds), and the
 * end is the start plus the time played, so the record agrees with the verdicts the player saw.
 *
 * <p>Not thread-safe: the session's event loop drives it.
 */
public final class SoloGameRecorder {

    /** The player of a solo game, index 0 of the record's players. */
    private static final int PLAYER = 0;

    private final long gameId;
    private final String instance;
    private final String settings;
    private final Instant started;
    private final long startedNanos;
    private final List<QuestionRecord> questions = new ArrayList<>();
    private final List<AnswerRecord> answers = new ArrayList<>();
    private ProblemOpened open;
    private long openedNanos;

    /**
     * @param gameId       the session id (sent in WELCOME)
     * @param instance     the server instance
     * @param settings     the questions' source in words ({@link GameSettings})
     * @param started      when the game began, on the wall clock
     * @param startedNanos the same moment on the game's clock
     */
    public SoloGameRecorder(long gameId, String instance, String settings, Instant started, long startedNanos) {
        this.gameId = gameId;
        this.instance = Objects.requireNonNull(instance, "instance");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.started = Objects.requireNonNull(started, "started");
        this.startedNanos = startedNanos;
    }

    /** A problem was shown at {@code nowNanos}. */
    public void opened(ProblemOpened opened, long nowNanos) {
        open = Objects.requireNonNull(opened, "opened");
        openedNanos = nowNanos;
    }

    /**
     * The open problem was judged at {@code nowNanos}.
     *
     * @param answerText the answer as the player sent it; ignored for a timeout, which has none
     */
    public void judged(Judged judged, String answerText, long nowNanos) {
        if (open == null || open.problemId() != judged.problemId()) {
            throw new IllegalStateException("judged problem " + judged.problemId() + " is not the open one");
        }
        boolean timedOut = judged.judgement() == Judgement.TIMEOUT;
        long millis = timedOut ? open.timeLimit().toMillis() : Duration.ofNanos(nowNanos - openedNanos).toMillis();
        questions.add(question(open, judged.expectedAnswer()));
        answers.add(new AnswerRecord(PLAYER, open.round(), timedOut ? null : answerText.strip(), judged.judgement(),
                judged.points(), millis));
        open = null;
    }

    /**
     * The game's record.
     *
     * @param player       its player, rank included
     * @param nowNanos     when it ended, on the game's clock
     * @param endReason    how it ended
     * @param openAccepted the accepted answer of a problem still open (the game ended early), if any
     */
    public GameRecord finish(PlayerRecord player, long nowNanos, String endReason, Optional<String> openAccepted) {
        List<QuestionRecord> asked = new ArrayList<>(questions);
        if (open != null && openAccepted.isPresent()) {
            // Asked, never answered: kept without an answer, as the player saw it.
            asked.add(question(open, openAccepted.get()));
        }
        return new GameRecord(gameId, GameRecord.GameKind.SOLO, instance, null, settings, started,
                started.plus(Duration.ofNanos(nowNanos - startedNanos)), endReason, List.of(player), asked, answers);
    }

    private static QuestionRecord question(ProblemOpened opened, String accepted) {
        return new QuestionRecord(opened.round(), opened.text(), WireAnswerFormat.of(opened.format()), opened.choices(),
                accepted);
    }

}
