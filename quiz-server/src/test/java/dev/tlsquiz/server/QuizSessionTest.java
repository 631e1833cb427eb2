package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.Bye;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.NegotiatedVersion;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.QuizProtocolException;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.game.Standing;
import dev.tlsquiz.server.quiz.ProblemSourceFactory;
import dev.tlsquiz.bank.IntegerQuestion;
import dev.tlsquiz.server.services.ResultSink;
import dev.tlsquiz.server.services.SessionResult;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The session state machine on an {@link EmbeddedChannel}, with time moved by hand: the edge cases
 * that real time makes racy (an ANSWER crossing a TIMEOUT, exact speed bonuses, timers after close).
 */
class QuizSessionTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(5);
    private static final long SESSION_ID = 0x5e55_10_42L;

    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final ServerConfig config = ServerConfig.builder().game(x -> x.withRounds(2).withTimeLimit(TIME_LIMIT))
            .timeouts(x -> x.withHelloTimeout(HELLO_TIMEOUT)).build();
    /** A mock ticker: time moves only when the test says so, so elapsed times and points are exact. */
    private final MockTicker ticker = Ticker.newMockTicker();
    private final EmbeddedChannel channel = EmbeddedChannel.builder()
            .ticker(ticker)
            .handlers(new QuizSession(environment(() -> () -> IntegerQuestion.of("20 + 22", 42))))
            .build();

    /** The server's services with {@code problems}, timed by the mock ticker, with a known session id. */
    private SessionEnvironment environment(ProblemSourceFactory problems) {
        return QuizServer.builder(config).problems(problems).clock(ticker::nanoTime).sessionIds(() -> SESSION_ID)
                .environment(config.tls().clientAuth(), shuttingDown::get);
    }

    private void handshake() {
        channel.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
    }

    private Problem welcomed() {
        handshake();
        channel.writeInbound(Hello.of("ada"));
        Welcome welcome = read(Welcome.class);
        assertEquals("ada", welcome.playerName());
        assertEquals(SESSION_ID, welcome.sessionId());
        return read(Problem.class);
    }

    private <T extends QuizMessage> T read(Class<T> type) {
        return assertInstanceOf(type, channel.readOutbound());
    }

    private void advance(Duration duration) {
        ticker.advance(duration.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void answer_whenItCrossedTheTimeoutVerdict_thenItIsIgnored() {
        Problem first = welcomed();
        advance(TIME_LIMIT);
        assertEquals(new Verdict(first.problemId(), Outcome.TIMEOUT, "42", 0, 0), read(Verdict.class));
        Problem second = read(Problem.class);

        channel.writeInbound(new Answer(first.problemId(), "42"));
        assertNull(channel.readOutbound(), "a late ANSWER for the timed-out problem gets no reply");
        assertTrue(channel.isActive());

        channel.writeInbound(new Answer(second.problemId(), "42"));
        assertEquals(Outcome.CORRECT, read(Verdict.class).outcome());
        assertEquals(new Summary(1, 1, 2, 150, 10_000), read(Summary.class));
        assertFalse(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void answer_whenTheTimedOutProblemIsNoLongerTheLatest_thenWrongProblem() {
        handshake();
        channel.writeInbound(new Hello(1, "ada", 3));
        assertEquals(3, read(Welcome.class).rounds());
        Problem first = read(Problem.class);
        advance(TIME_LIMIT);
        read(Verdict.class);
        Problem second = read(Problem.class);
        channel.writeInbound(new Answer(second.problemId(), "41"));
        assertEquals(Outcome.WRONG, read(Verdict.class).outcome());
        read(Problem.class);
        // Problem 1 no longer crossed a verdict on the wire: problem 2 was answered since.
        channel.writeInbound(new Answer(first.problemId(), "42"));
        assertEquals(ErrorCode.WRONG_PROBLEM.code(), read(ErrorMessage.class).code());
        assertFalse(channel.isOpen());
    }

    @Test
    void answer_earnsASpeedBonusForTheTimeLeft() {
        Problem first = welcomed();
        advance(Duration.ofMillis(2_500));
        channel.writeInbound(new Answer(first.problemId(), "42"));
        // 100 + 50 * 7.5 / 10
        assertEquals(new Verdict(first.problemId(), Outcome.CORRECT, "42", 137, 137), read(Verdict.class));
        Problem second = read(Problem.class);
        channel.writeInbound(new Answer(second.problemId(), "42"));
        // 100 + 50 + a streak of one
        assertEquals(new Verdict(second.problemId(), Outcome.CORRECT, "42", 160, 297), read(Verdict.class));
        assertEquals(new Summary(2, 2, 2, 297, 2_500), read(Summary.class));
    }

    @Test
    void answer_whenTheOpenProblemIsAnsweredTwice_thenWrongProblem() {
        Problem first = welcomed();
        channel.writeInbound(new Answer(first.problemId(), "7"));
        assertEquals(Outcome.WRONG, read(Verdict.class).outcome());
        read(Problem.class);
        channel.writeInbound(new Answer(first.problemId(), "42"));
        assertEquals(ErrorCode.WRONG_PROBLEM.code(), read(ErrorMessage.class).code());
        assertFalse(channel.isOpen());
    }

    @Test
    void hello_whenTheDeadlinePasses_thenHelloTimeout() {
        handshake();
        advance(HELLO_TIMEOUT.minusMillis(1));
        assertNull(channel.readOutbound());
        advance(Duration.ofMillis(1));
        ErrorMessage error = read(ErrorMessage.class);
        assertEquals(ErrorCode.HELLO_TIMEOUT.code(), error.code());
        assertEquals("no HELLO within 5s after the TLS handshake; a client must send HELLO first", error.message());
        assertFalse(channel.isOpen());
    }

    @Test
    void hello_deadlineStartsOnlyAfterTheHandshake() {
        advance(HELLO_TIMEOUT.multipliedBy(2));
        assertNull(channel.readOutbound());
        assertTrue(channel.isActive());
    }

    @Test
    void hello_whenAccepted_thenTheChannelSpeaksItsVersion() {
        handshake();
        assertFalse(NegotiatedVersion.isNegotiated(channel), "no version before HELLO");

        channel.writeInbound(new Hello(Protocol.VERSION, "ada", 0));

        assertEquals(Protocol.VERSION, read(Welcome.class).version());
        assertTrue(NegotiatedVersion.isNegotiated(channel));
        assertEquals(Protocol.VERSION, NegotiatedVersion.of(channel));
    }

    @Test
    void hello_whenVersionUnsupported_thenNoVersionIsNegotiated() {
        handshake();

        channel.writeInbound(new Hello(7, "ada", 0));

        assertEquals(ErrorCode.UNSUPPORTED_VERSION.code(), read(ErrorMessage.class).code());
        assertFalse(NegotiatedVersion.isNegotiated(channel));
    }

    @Test
    void close_cancelsEveryTimer() {
        welcomed();
        channel.close();
        assertEquals(-1, channel.runScheduledPendingTasks(), "no task may stay scheduled after close");
    }

    @Test
    void hello_whenTheServerIsShuttingDown_thenServerShuttingDown() {
        handshake();
        shuttingDown.set(true);
        channel.writeInbound(Hello.of("late"));
        assertEquals(ErrorCode.SERVER_SHUTTING_DOWN.code(), read(ErrorMessage.class).code());
        assertFalse(channel.isOpen());
    }

    @Test
    void shutdownEvent_duringPlay_endsTheSessionWithServerShuttingDown() {
        welcomed();
        channel.pipeline().fireUserEventTriggered(ServerShutdownEvent.INSTANCE);
        ErrorMessage error = read(ErrorMessage.class);
        assertEquals(new ErrorMessage(ErrorCode.SERVER_SHUTTING_DOWN, "server shutting down; your session ended early"),
                error);
        assertFalse(channel.isOpen());
    }

    @Test
    void protocolException_isAnsweredWithItsOwnError() {
        handshake();
        QuizProtocolException violation = new QuizProtocolException(ErrorCode.TRUNCATED, "HELLO: 1 byte (expected: >= 2)");
        channel.pipeline().fireExceptionCaught(violation);
        assertEquals(violation.toErrorMessage(), read(ErrorMessage.class));
        assertFalse(channel.isOpen());
    }

    @Test
    void errorFromTheClient_closesWithoutAReply() {
        welcomed();
        channel.writeInbound(new ErrorMessage(ErrorCode.INTERNAL_ERROR, "client crashed"));
        assertNull(channel.readOutbound());
        assertFalse(channel.isOpen());
    }

    @Test
    void failureOfTheProblemSource_isAnsweredWithInternalError() {
        ProblemSourceFactory broken = () -> () -> {
            throw new IllegalStateException("question bank is empty");
        };
        EmbeddedChannel failing = new EmbeddedChannel(
                new QuizSession(environment(broken)),
                new ServerExceptionHandler(new HandshakeFailureLog()));
        failing.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        failing.writeInbound(Hello.of("ada"));
        assertInstanceOf(Welcome.class, failing.readOutbound());
        ErrorMessage error = assertInstanceOf(ErrorMessage.class, failing.readOutbound());
        assertEquals(ErrorCode.INTERNAL_ERROR.code(), error.code());
        assertFalse(failing.isOpen());
        assertFalse(failing.finish());
    }

    @Test
    void failureOfTheProblemSource_whenATimeoutOpensTheNextProblem_isAnsweredWithInternalError() {
        AtomicInteger drawn = new AtomicInteger();
        ProblemSourceFactory failsOnRoundTwo = () -> () -> {
            if (drawn.incrementAndGet() > 1) {
                throw new IllegalStateException("question bank is empty");
            }
            return IntegerQuestion.of("20 + 22", 42);
        };
        EmbeddedChannel failing = EmbeddedChannel.builder()
                .ticker(ticker)
                .handlers(new QuizSession(environment(failsOnRoundTwo)),
                        new ServerExceptionHandler(new HandshakeFailureLog()))
                .build();
        failing.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        failing.writeInbound(Hello.of("ada"));
        assertInstanceOf(Welcome.class, failing.readOutbound());
        assertInstanceOf(Problem.class, failing.readOutbound());

        ticker.advance(TIME_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
        failing.runScheduledPendingTasks();
        assertEquals(Outcome.TIMEOUT, assertInstanceOf(Verdict.class, failing.readOutbound()).outcome());
        ErrorMessage error = assertInstanceOf(ErrorMessage.class, failing.readOutbound());
        assertEquals(ErrorCode.INTERNAL_ERROR.code(), error.code());
        assertFalse(failing.isOpen(), "a failure in a timer ends the connection, as one in a read does");
        assertFalse(failing.finish());
    }

    @Test
    void resultSink_receivesThePlayedSessionWhenItEnds() {
        List<SessionResult> results = new ArrayList<>();
        SessionEnvironment env = QuizServer.builder(config).problems(() -> () -> IntegerQuestion.of("20 + 22", 42))
                .clock(ticker::nanoTime).sessionIds(() -> SESSION_ID).results(new ResultSink() {
                    @Override
                    public void sessionEnded(SessionResult result) {
                        results.add(result);
                    }
                })
                .environment(config.tls().clientAuth(), shuttingDown::get);
        EmbeddedChannel played = EmbeddedChannel.builder().ticker(ticker).handlers(new QuizSession(env)).build();
        played.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        played.writeInbound(Hello.of("ada"));
        assertInstanceOf(Welcome.class, played.readOutbound());
        Problem first = assertInstanceOf(Problem.class, played.readOutbound());
        ticker.advance(1, TimeUnit.SECONDS);
        played.writeInbound(new Answer(first.problemId(), "42"));
        played.writeInbound(new Bye());
        assertFalse(played.isOpen(), "the SUMMARY is written, then the connection closes");
        assertEquals(List.of(new SessionResult("ada", false, SESSION_ID,
                new Standing(2, 1, 1, 145, 2, Duration.ofSeconds(1)), "player said BYE")), results);
    }
}
