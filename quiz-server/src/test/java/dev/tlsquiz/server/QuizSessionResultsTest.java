package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.IntegerQuestion;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.codec.Bye;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import dev.tlsquiz.server.services.ResultSink;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A session and the results store, on an {@link EmbeddedChannel} with time moved by hand: the game's
 * record, the SUMMARY held until the store has kept the game, SERVER_BUSY when it cannot, new games
 * refused while its queue is full, and games cut short kept all the same.
 */
class QuizSessionResultsTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    private static final Duration SUMMARY_WAIT = Duration.ofSeconds(7);
    private static final long SESSION_ID = 0x5e55_10_42L;

    private final ServerConfig config = ServerConfig.builder()
            .game(x -> x.withRounds(2).withTimeLimit(TIME_LIMIT))
            .results(x -> x.withInstance("quiz-1").withSummaryWait(SUMMARY_WAIT)).build();
    private final MockTicker ticker = Ticker.newMockTicker();
    private final HeldResults results = new HeldResults();
    private final EmbeddedChannel channel = EmbeddedChannel.builder().ticker(ticker)
            .handlers(new QuizSession(QuizServer.builder(config).problems(() -> () -> IntegerQuestion.of("20 + 22", 42))
                    .clock(ticker::nanoTime).sessionIds(() -> SESSION_ID).results(results)
                    .environment(config.tls().clientAuth(), () -> false)))
            .build();

    /** A sink whose stages the test completes, as a store's writer thread would. */
    static final class HeldResults implements ResultSink {
        final List<GameRecord> games = new ArrayList<>();
        final List<CompletableFuture<Void>> stages = new ArrayList<>();
        volatile boolean accepting = true;
        /** As a server that keeps nothing: the stage is complete when it is returned. */
        boolean keepAtOnce;

        @Override
        public CompletionStage<Void> gameEnded(GameRecord game) {
            games.add(game);
            CompletableFuture<Void> kept = keepAtOnce
                    ? CompletableFuture.completedFuture(null)
                    : new CompletableFuture<>();
            stages.add(kept);
            return kept;
        }

        @Override
        public boolean accepting() {
            return accepting;
        }
    }

    private Problem welcomed() {
        channel.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        channel.writeInbound(Hello.of("ada"));
        assertEquals(SESSION_ID, read(Welcome.class).sessionId());
        return read(Problem.class);
    }

    private <T extends QuizMessage> T read(Class<T> type) {
        return assertInstanceOf(type, channel.readOutbound());
    }

    private void advance(Duration duration) {
        ticker.advance(duration.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }

    /**
     * Plays both rounds: a right answer after 2.5 s, then a timeout; returns with the game over and its
     * last VERDICT written but held (not flushed) for the SUMMARY.
     */
    private void playBothRounds() {
        Problem first = welcomed();
        advance(Duration.ofMillis(2_500));
        channel.writeInbound(new Answer(first.problemId(), " 42 "));
        read(Verdict.class);
        read(Problem.class);
        advance(TIME_LIMIT);
    }

    @Test
    void summary_isSentOnlyOnceTheStoreHasKeptTheGame() {
        playBothRounds();
        assertNull(channel.readOutbound(), "SUMMARY (or the last VERDICT) sent before the game was kept");
        assertEquals(1, results.games.size(), "the game is handed over when it ends");
        assertTrue(channel.isOpen());

        results.stages.get(0).complete(null);
        channel.runPendingTasks();
        assertEquals(Outcome.TIMEOUT, read(Verdict.class).outcome());
        assertEquals(new Summary(1, 1, 2, 137, 12_500), read(Summary.class));
        assertFalse(channel.isOpen());
        assertFalse(channel.finish());
        assertEquals(1, results.games.size(), "kept once, not again when the connection closes");
    }

    @Test
    void record_holdsTheQuestionsTheAnswersAndThePlayer() {
        playBothRounds();
        GameRecord game = results.games.get(0);
        assertEquals(SESSION_ID, game.gameId());
        assertEquals(GameRecord.GameKind.SOLO, game.kind());
        assertEquals("quiz-1", game.instance());
        assertNull(game.roomCode());
        assertEquals("ops=add digits=2 time-limit=10s", game.settings());
        assertEquals(Duration.ofMillis(12_500), Duration.between(game.started(), game.ended()));
        assertEquals("completed", game.endReason());
        assertEquals(List.of(new PlayerRecord("ada", false, null, null, 137, 1, 1, 1)), game.players());
        assertEquals(List.of(new QuestionRecord(1, "20 + 22", AnswerFormat.INTEGER, List.of(), "42"),
                new QuestionRecord(2, "20 + 22", AnswerFormat.INTEGER, List.of(), "42")), game.questions());
        // The answer as sent (trimmed), its points and time; a timeout has no text and takes the time limit.
        assertEquals(List.of(new AnswerRecord(0, 1, "42", Judgement.CORRECT, 137, 2_500),
                new AnswerRecord(0, 2, null, Judgement.TIMEOUT, 0, 10_000)), game.answers());
    }

    @Test
    void summary_whenTheStoreFails_thenServerBusyInstead() {
        playBothRounds();
        results.stages.get(0).completeExceptionally(new GameStoreException("results store unavailable: full"));
        channel.runPendingTasks();
        read(Verdict.class);
        ErrorMessage error = read(ErrorMessage.class);
        assertEquals(ErrorCode.SERVER_BUSY.code(), error.code());
        assertEquals("results store unavailable: your game could not be kept, so its summary is not shown;"
                + " please play again later", error.message());
        assertFalse(channel.isOpen());
    }

    @Test
    void summary_whenTheStoreIsSlowerThanTheWait_thenServerBusyAndNoLateSummary() {
        playBothRounds();
        advance(SUMMARY_WAIT.minusMillis(1));
        read(Verdict.class);
        assertNull(channel.readOutbound());
        advance(Duration.ofMillis(1));
        ErrorMessage error = read(ErrorMessage.class);
        assertEquals(ErrorCode.SERVER_BUSY.code(), error.code());
        assertTrue(error.message().startsWith("results store unavailable: your game is kept once the store is back"),
                error.message());
        assertFalse(channel.isOpen());

        results.stages.get(0).complete(null);
        channel.runPendingTasks();
        assertNull(channel.readOutbound(), "a SUMMARY after the ERROR");
    }

    @Test
    void finishedSession_whileWaitingForTheStore_ignoresWhatTheClientSends() {
        playBothRounds();
        channel.writeInbound(new Ping(7));
        channel.writeInbound(new Bye());
        assertNull(channel.readOutbound());
        assertTrue(channel.isOpen());
        results.stages.get(0).complete(null);
        channel.runPendingTasks();
        read(Verdict.class);
        read(Summary.class);
    }

    @Test
    void bye_endsTheGameAndItsSummaryWaitsForTheStoreToo() {
        Problem first = welcomed();
        channel.writeInbound(new Answer(first.problemId(), "41"));
        read(Verdict.class);
        read(Problem.class);
        channel.writeInbound(new Bye());
        assertNull(channel.readOutbound());
        GameRecord game = results.games.get(0);
        assertEquals("player said BYE", game.endReason());
        // The open question was asked and not answered: kept without an answer.
        assertEquals(2, game.questions().size());
        assertEquals(List.of(new AnswerRecord(0, 1, "41", Judgement.WRONG, 0, 0)), game.answers());
        results.stages.get(0).complete(null);
        channel.runPendingTasks();
        assertEquals(new Summary(0, 1, 2, 0, 0), read(Summary.class));
    }

    @Test
    void disconnect_duringPlay_thenTheGameIsKeptWithoutASummary() {
        Problem first = welcomed();
        advance(Duration.ofSeconds(1));
        channel.writeInbound(new Answer(first.problemId(), "42"));
        read(Verdict.class);
        read(Problem.class);
        channel.close();
        assertEquals(1, results.games.size());
        GameRecord game = results.games.get(0);
        assertEquals("client disconnected", game.endReason());
        assertEquals(List.of(new QuestionRecord(1, "20 + 22", AnswerFormat.INTEGER, List.of(), "42"),
                new QuestionRecord(2, "20 + 22", AnswerFormat.INTEGER, List.of(), "42")), game.questions());
        assertEquals(1, game.answers().size());
        assertEquals(List.of(new PlayerRecord("ada", false, null, null, 145, 1, 1, 1)), game.players());
    }

    @Test
    void hello_whileTheResultsQueueIsFull_thenServerBusy() {
        results.accepting = false;
        channel.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        channel.writeInbound(Hello.of("ada"));
        ErrorMessage error = read(ErrorMessage.class);
        assertEquals(ErrorCode.SERVER_BUSY.code(), error.code());
        assertEquals("results store unavailable: the server starts no new games until it has kept the finished"
                + " ones; try again in a minute", error.message());
        assertFalse(channel.isOpen());
        assertTrue(results.games.isEmpty(), "a refused HELLO is no game");
    }

    @Test
    void lastVerdict_whenTheStoreTakesLongerThanTheHold_goesAloneAndTheSummaryStillWaits() {
        playBothRounds();
        advance(QuizSession.LAST_VERDICT_HOLD.minusMillis(1));
        assertNull(channel.readOutbound(), "the last VERDICT left before its hold was over");
        advance(Duration.ofMillis(1));
        assertEquals(Outcome.TIMEOUT, read(Verdict.class).outcome());
        assertNull(channel.readOutbound(), "SUMMARY sent before the game was kept");

        results.stages.get(0).complete(null);
        channel.runPendingTasks();
        assertEquals(new Summary(1, 1, 2, 137, 12_500), read(Summary.class));
        assertFalse(channel.isOpen());
    }

    @Test
    void lastVerdict_whenTheStoreKeepsTheGameAtOnce_leavesWithTheSummary() {
        results.keepAtOnce = true;
        playBothRounds();
        assertEquals(Outcome.TIMEOUT, read(Verdict.class).outcome());
        assertEquals(new Summary(1, 1, 2, 137, 12_500), read(Summary.class));
        assertFalse(channel.isOpen());
    }

    @Test
    void close_whileWaitingForTheStore_cancelsTheSummaryWait() {
        playBothRounds();
        channel.close();
        assertEquals(-1, channel.runScheduledPendingTasks(), "no task may stay scheduled after close");
        results.stages.get(0).complete(null);
        channel.runPendingTasks();
        assertNull(channel.readOutbound());
    }
}
