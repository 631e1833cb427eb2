package dev.tlsquiz.bench.load;

import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Host;
import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.NegotiatedVersion;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuestionSource;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.RequestedOrder;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Welcome;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The host of one bench room: opens the room (arithmetic questions from the run's seed, late joiners
 * refused), and, told by the bench, plays each question on commands so that both ends of every
 * measurement are commands it stamps ({@link QuestionMarks}):
 * <ol>
 *   <li>opens the question: {@code start} for the first, {@code next} between questions for the
 *       others. The server must not open the next question by itself first: it is started with a
 *       {@code --room-reveal-time} longer than the bench's pause between questions (scripts/bench-rooms
 *       does so); a question the server opens by itself is counted as
 *       {@code server_opened_question_itself}, and its arrivals as {@code arrivals_before_command};</li>
 *   <li>once PROGRESS counts every answering seat of the room ({@link RoomPlan#answering}), closes
 *       the question with {@code next} (the silent seats keep it from closing by itself), or after
 *       the answer window when the count never comes.</li>
 * </ol>
 * Not {@code pause} and {@code resume}: each of them sends every player a LOBBY, which would sit in
 * front of the PROBLEM and be measured as fan-out.
 * State confined to the channel's event loop; the futures are read by the bench.
 */
final class RoomHost extends SimpleChannelInboundHandler<QuizMessage> {

    /** The time limit the host asks for: longer than any close the host makes itself. */
    static final long TIME_LIMIT_MILLIS = 120_000;

    private final RoomPlan plan;
    private final int room;
    private final String token;
    private final long answerWindowMillis;
    private final EpochClock clock;
    private final QuestionMarks marks;
    private final AnswerBursts bursts;
    private final ErrorCounts errors;
    private final ConnectionEnd end;
    private final long pingEveryNanos;
    private final CompletableFuture<String> code = new CompletableFuture<>();
    private final CompletableFuture<Void> over = new CompletableFuture<>();
    private final CompletableFuture<?>[] standings;
    private ChannelHandlerContext context;
    private int round;
    private boolean ownAdvanceCounted;
    private boolean closeSent;
    private ScheduledFuture<?> fallback;
    private ScheduledFuture<?> pinger;

    RoomHost(RoomPlan plan, int room, String token, long answerWindowMillis, EpochClock clock, QuestionMarks marks,
             AnswerBursts bursts, ErrorCounts errors, ConnectionEnd end, long pingEveryNanos) {
        this.plan = plan;
        this.room = room;
        this.token = token;
        this.answerWindowMillis = answerWindowMillis;
        this.clock = clock;
        this.marks = marks;
        this.bursts = bursts;
        this.errors = errors;
        this.end = end;
        this.pingEveryNanos = pingEveryNanos;
        this.standings = new CompletableFuture<?>[plan.rounds()];
        for (int i = 0; i < standings.length; i++) {
            standings[i] = new CompletableFuture<Void>();
        }
    }

    /** Completes with the room's code, or fails with why the room was not opened. */
    CompletableFuture<String> code() {
        return code;
    }

    /** Completes once the host has question {@code round}'s STANDINGS (or will get none). */
    CompletableFuture<?> standingsSeen(int round) {
        return standings[round - 1];
    }

    /** Completes when the room's game is over for the host (ROOM_CLOSED, or the connection ended). */
    CompletableFuture<Void> over() {
        return over;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
        ctx.writeAndFlush(new Host(Protocol.VERSION, "bench-host-" + room, "", token, plan.rounds(), TIME_LIMIT_MILLIS,
                QuestionSource.ARITHMETIC, "+-*", 2, plan.seed() + room, true, RequestedOrder.SERVER_DEFAULT, false, 0));
        // Keeps the host through a long lobby: the server's idle timeout counts what it receives.
        pinger = ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(new Ping(System.nanoTime())),
                pingEveryNanos, pingEveryNanos, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    /** Opens question {@code round}; from any thread. */
    void open(int round) {
        context.executor().execute(() -> {
            this.round = round;
            closeSent = false;
            marks.opened(room, round, clock.now());
            context.writeAndFlush(HostCommand.of(round == 1 ? HostCommand.Action.START : HostCommand.Action.NEXT));
            fallback = context.executor().schedule(() -> {
                if (!closeSent && this.round == round) {
                    errors.count("answers_missing_at_window_end");
                    close();
                }
            }, answerWindowMillis, TimeUnit.MILLISECONDS);
        });
    }

    private void close() {
        closeSent = true;
        if (fallback != null) {
            fallback.cancel(false);
        }
        marks.closed(room, round, clock.now());
        context.writeAndFlush(HostCommand.of(HostCommand.Action.NEXT));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
        long now = clock.now();
        // A switch expression over the type, as everywhere: javac refuses it when a type is not handled.
        String failure = switch (message.type()) {
            case WELCOME -> {
                Welcome welcome = (Welcome) message;
                NegotiatedVersion.set(ctx.channel(), welcome.version());
                yield welcome.rounds() == plan.rounds() ? null : "host_rounds_capped_to_" + welcome.rounds();
            }
            case ROOM -> {
                code.complete(((Room) message).code());
                yield null;
            }
            case PROGRESS -> {
                progress((Progress) message, now);
                yield null;
            }
            case STANDINGS -> {
                Standings s = (Standings) message;
                int upTo = s.finalStandings() ? plan.rounds() : Math.min(s.round(), plan.rounds());
                for (int i = 0; i < upTo; i++) {
                    standings[i].complete(null);
                }
                yield null;
            }
            case ROOM_CLOSED -> {
                RoomClosed closed = (RoomClosed) message;
                end.finished();
                finish();
                ctx.close();
                yield closed.reason() == dev.tlsquiz.codec.RoomCloseReason.GAME_OVER ? null
                        : "host_room_closed_" + closed.reason().name().toLowerCase(Locale.ROOT);
            }
            case NOTICE -> {
                errors.count("host_notice");
                yield null;
            }
            case ERROR -> "host_server_error_" + ((ErrorMessage) message).errorCode()
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).orElse(Integer.toString(((ErrorMessage) message).code()));
            case PING -> {
                ctx.writeAndFlush(new Pong(((Ping) message).token()));
                yield null;
            }
            // LOBBY needs nothing: the players say when they are seated. A host gets no PROBLEM,
            // VERDICT or SUMMARY; the decoder refuses the client's own types from a server.
            case LOBBY, PROBLEM, VERDICT, SUMMARY, PONG, HELLO, ANSWER, BYE, HOST, BANK_PART, JOIN, HOST_COMMAND -> null;
        };
        if (failure != null) {
            errors.count(failure);
            if (!code.isDone()) {
                code.completeExceptionally(new IllegalStateException(failure));
            }
            ctx.close();
        }
    }

    private void progress(Progress progress, long now) {
        if (progress.problemId() > round && !ownAdvanceCounted) {
            ownAdvanceCounted = true;
            errors.count("server_opened_question_itself");
        }
        if (progress.problemId() != round || closeSent) {
            return;
        }
        if (progress.answered() >= plan.answering(room, round)) {
            bursts.add(round, marks.openedAt(room, round), now, progress.answered());
            close();
        }
    }

    private void finish() {
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (fallback != null) {
            fallback.cancel(false);
        }
        for (CompletableFuture<?> each : standings) {
            each.complete(null);
        }
        if (!code.isDone()) {
            code.completeExceptionally(new IllegalStateException("the connection closed before the room opened"));
        }
        over.complete(null);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end.closedByPeer();
        finish();
        ctx.fireChannelInactive();
    }
}
