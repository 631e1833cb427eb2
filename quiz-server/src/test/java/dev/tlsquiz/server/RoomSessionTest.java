package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.IntegerQuestion;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Host;
import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.Join;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuestionSource;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.RequestedOrder;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomCloseReason;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.rooms.HostGate;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Room sessions on {@link EmbeddedChannel}s with time moved by hand: the room lives on the host
 * channel's loop, so every step is run explicitly and the points are exact.
 */
class RoomSessionTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private final MockTicker ticker = Ticker.newMockTicker();
    private final ServerConfig config = ServerConfig.builder().game(x -> x.withRounds(2).withTimeLimit(TIME_LIMIT))
            .rooms(r -> r.withRevealTime(Duration.ofSeconds(3))).build();
    private final SessionEnvironment env = QuizServer.builder(config)
            .problems(() -> () -> IntegerQuestion.of("20 + 22", 42)).clock(ticker::nanoTime)
            .hostGate(HostGate.anyone()).environment(config.tls().clientAuth(), () -> false);

    private EmbeddedChannel connection() {
        EmbeddedChannel channel = EmbeddedChannel.builder().ticker(ticker).build();
        channel.pipeline().addLast(PipelineNames.SESSION_ROUTER, new SessionRouter(env))
                .addLast(PipelineNames.SESSION, new QuizSession(env));
        channel.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        return channel;
    }

    private static <T extends QuizMessage> T read(EmbeddedChannel channel, Class<T> type) {
        // A room hands its broadcasts to each channel's loop as a task: run them before reading.
        channel.runPendingTasks();
        return assertInstanceOf(type, channel.readOutbound());
    }

    /** The next message that is not a LOBBY or PROGRESS. */
    private static <T extends QuizMessage> T readSkipping(EmbeddedChannel channel, Class<T> type) {
        channel.runPendingTasks();
        while (true) {
            Object message = channel.readOutbound();
            if (!(message instanceof Lobby || message instanceof Progress)) {
                return assertInstanceOf(type, message);
            }
        }
    }

    private void advance(Duration duration, EmbeddedChannel... channels) {
        ticker.advance(duration.toNanos(), TimeUnit.NANOSECONDS);
        for (EmbeddedChannel channel : channels) {
            channel.runPendingTasks();
        }
    }

    private static Host host() {
        return new Host(Protocol.VERSION, "teacher", "", "", 0, 0, QuestionSource.SERVER, "", 0, 0, false,
                RequestedOrder.SERVER_DEFAULT, true, 0);
    }

    @Test
    void aRoomGame_scoresExactly_closesAtTheDeadline_andEndsWithFinalStandings() {
        EmbeddedChannel host = connection();
        host.writeInbound(host());
        host.runPendingTasks();
        read(host, Welcome.class);
        String code = read(host, Room.class).code();

        EmbeddedChannel ann = connection();
        ann.writeInbound(new Join(Protocol.VERSION, code, "ann", ""));
        host.runPendingTasks();
        assertEquals("ann", read(ann, Welcome.class).playerName());
        assertFalse(read(ann, Room.class).seatToken().isEmpty());

        host.writeInbound(HostCommand.of(HostCommand.Action.START));
        host.runPendingTasks();
        Problem first = readSkipping(ann, Problem.class);
        assertEquals(TIME_LIMIT.toMillis(), first.timeLimitMillis());

        advance(Duration.ofSeconds(2), host, ann);
        ann.writeInbound(new Answer(first.problemId(), "42"));
        host.runPendingTasks();
        // 100 + 50 x 8/10 of the time left: exact, as the ticker moved exactly 2 s.
        Verdict verdict = readSkipping(ann, Verdict.class);
        assertEquals(Outcome.CORRECT, verdict.outcome());
        assertEquals(140, verdict.points());
        Standings standings = read(ann, Standings.class);
        assertEquals(1, standings.ownRank());
        assertEquals(140, standings.ownScore());
        assertNull(ann.readOutbound(), "the next question waits for the reveal time");

        advance(Duration.ofSeconds(3), host, ann);
        Problem second = readSkipping(ann, Problem.class);
        assertEquals(2, second.problemId());
        // Nobody answers: the question closes at its deadline, and it was the last.
        advance(TIME_LIMIT, host, ann);
        host.runPendingTasks();
        ann.runPendingTasks();
        assertEquals(Outcome.TIMEOUT, readSkipping(ann, Verdict.class).outcome());
        Standings last = readSkipping(ann, Standings.class);
        assertTrue(last.finalStandings());
        assertEquals(new Summary(1, 1, 2, 140, 15_000).correct(), read(ann, Summary.class).correct());
        assertEquals(RoomCloseReason.GAME_OVER, read(ann, RoomClosed.class).reason());
        assertFalse(ann.isOpen());
        assertEquals(false, readSkipping(host, Standings.class).finalStandings());
        assertTrue(readSkipping(host, Standings.class).finalStandings());
        assertEquals(RoomCloseReason.GAME_OVER, read(host, RoomClosed.class).reason());
    }

    @Test
    void hello_staysSolo_andRoomMessagesLaterAreRefused() {
        EmbeddedChannel solo = connection();
        solo.writeInbound(Hello.of("ada"));
        read(solo, Welcome.class);
        read(solo, Problem.class);
        assertNull(solo.pipeline().get(PipelineNames.SESSION_ROUTER));
        assertInstanceOf(QuizSession.class, solo.pipeline().get(PipelineNames.SESSION));
        solo.writeInbound(new Join(Protocol.VERSION, "K7Q-2MF", "ada", ""));
        assertEquals(ErrorCode.UNEXPECTED_MESSAGE.code(), read(solo, ErrorMessage.class).code());
    }

    @Test
    void join_ofAnUnknownCode_isRoomNotFound_andTheHelloDeadlineNoLongerRuns() {
        EmbeddedChannel player = connection();
        player.writeInbound(new Join(Protocol.VERSION, "K7Q-2MF", "ada", ""));
        player.runPendingTasks();
        assertEquals(ErrorCode.ROOM_NOT_FOUND.code(), read(player, ErrorMessage.class).code());
        advance(config.timeouts().helloTimeout(), player);
        assertNull(player.readOutbound(), "no HELLO_TIMEOUT from the replaced solo session");
    }

    @Test
    void secondAnswer_getsANotice_andTheFirstCounts() {
        EmbeddedChannel host = connection();
        host.writeInbound(host());
        host.runPendingTasks();
        read(host, Welcome.class);
        String code = read(host, Room.class).code();
        EmbeddedChannel ann = connection();
        EmbeddedChannel bob = connection();
        ann.writeInbound(new Join(Protocol.VERSION, code, "ann", ""));
        bob.writeInbound(new Join(Protocol.VERSION, code, "bob", ""));
        host.writeInbound(HostCommand.of(HostCommand.Action.START));
        host.runPendingTasks();
        read(ann, Welcome.class);
        read(ann, Room.class);
        read(bob, Welcome.class);
        read(bob, Room.class);
        Problem problem = readSkipping(ann, Problem.class);
        ann.writeInbound(new Answer(problem.problemId(), "42"));
        ann.writeInbound(new Answer(problem.problemId(), "0"));
        host.runPendingTasks();
        assertEquals(ErrorCode.UNEXPECTED_MESSAGE.code(), readSkipping(ann, dev.tlsquiz.codec.Notice.class).code());
        bob.writeInbound(new Answer(problem.problemId(), "0"));
        host.runPendingTasks();
        assertEquals(Outcome.CORRECT, readSkipping(ann, Verdict.class).outcome());
        readSkipping(bob, Problem.class);
        assertEquals(Outcome.WRONG, readSkipping(bob, Verdict.class).outcome());
    }
}
