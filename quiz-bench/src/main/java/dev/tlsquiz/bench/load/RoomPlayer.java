package dev.tlsquiz.bench.load;

import dev.tlsquiz.client.play.ArithmeticSolver;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Join;
import dev.tlsquiz.codec.NegotiatedVersion;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One bench player of a room: JOIN, then for each PROBLEM (stamped on arrival) an answer at once,
 * right or deliberately wrong as the {@link RoomPlan} says, or none for a silent seat; each VERDICT,
 * STANDINGS and the SUMMARY go into its {@link PlayerTally}. State confined to the channel's event loop.
 */
final class RoomPlayer extends SimpleChannelInboundHandler<QuizMessage> {

    /** What the player tells the bench. */
    interface Listener {
        /** The server gave the player a seat (ROOM arrived). */
        void seated(RoomPlayer player);

        /**
         * The player is done with question {@code round}'s STANDINGS: they came, or will not (the
         * player left, or later ones came first). Called once per question, in order.
         */
        void standingsDone(RoomPlayer player, int round);

        /** The player's game is over (SUMMARY, or the connection ended); called once. */
        void finished(RoomPlayer player);
    }

    private final RoomPlan plan;
    private final long player;
    private final String code;
    private final EpochClock clock;
    private final ErrorCounts errors;
    private final ConnectionEnd end;
    private final Listener listener;
    private final long pingEveryNanos;
    private final PlayerTally tally;
    private final long[] problemAt;
    private final long[] standingsAt;
    private String name;
    private boolean seated;
    private int standingsSignalled;
    private boolean finished;
    private ScheduledFuture<?> pinger;

    /**
     * @param pingEveryNanos how often to send PING, so that the server's idle timeout keeps a player
     *                       who waits in a long lobby (as the real client's heartbeat does)
     */
    RoomPlayer(RoomPlan plan, long player, String code, EpochClock clock, ErrorCounts errors, ConnectionEnd end,
               Listener listener, long pingEveryNanos) {
        this.plan = plan;
        this.player = player;
        this.code = code;
        this.clock = clock;
        this.errors = errors;
        this.end = end;
        this.listener = listener;
        this.pingEveryNanos = pingEveryNanos;
        this.tally = new PlayerTally(plan.rounds());
        this.problemAt = new long[plan.rounds()];
        this.standingsAt = new long[plan.rounds()];
        this.name = plan.playerName(player);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // SslHandler holds this until the handshake is done.
        ctx.writeAndFlush(new Join(Protocol.VERSION, code, name, ""));
        pinger = ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(new Ping(System.nanoTime())),
                pingEveryNanos, pingEveryNanos, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
        long now = clock.now();
        // A switch expression over the type, as everywhere: javac refuses it when a type is not handled.
        String failure = switch (message.type()) {
            case WELCOME -> {
                // Set before the next frame is decoded, which must be read in the session's version.
                NegotiatedVersion.set(ctx.channel(), ((Welcome) message).version());
                // The name the room shows (a certificate's, or ours): the one STANDINGS lists.
                name = ((Welcome) message).playerName();
                yield null;
            }
            case ROOM -> {
                if (!seated) {
                    seated = true;
                    listener.seated(this);
                }
                yield null;
            }
            case PROBLEM -> {
                answer(ctx, (Problem) message, now);
                yield null;
            }
            case VERDICT -> {
                tally.verdict((Verdict) message);
                yield null;
            }
            case STANDINGS -> {
                standings((Standings) message, now);
                yield null;
            }
            case SUMMARY -> {
                tally.summary((Summary) message);
                end.finished();
                finish();
                ctx.close();
                yield null;
            }
            case ROOM_CLOSED -> "room_closed_" + lower(((RoomClosed) message).reason());
            case ERROR -> "server_error_" + ((ErrorMessage) message).errorCode().map(RoomPlayer::lower)
                    .orElse(Integer.toString(((ErrorMessage) message).code()));
            case NOTICE -> {
                errors.count("player_notice");
                yield null;
            }
            case PING -> {
                ctx.writeAndFlush(new Pong(((Ping) message).token()));
                yield null;
            }
            // LOBBY and PROGRESS need nothing; the decoder refuses the client's own types from a server.
            case LOBBY, PROGRESS, PONG, HELLO, ANSWER, BYE, HOST, BANK_PART, JOIN, HOST_COMMAND -> null;
        };
        if (failure != null) {
            end.failed(failure);
            ctx.close();
        }
    }

    private void answer(ChannelHandlerContext ctx, Problem problem, long now) {
        int round = problem.round();
        if (round < 1 || round > plan.rounds()) {
            errors.count("problem_round_out_of_range");
            return;
        }
        if (problemAt[round - 1] == 0) {
            problemAt[round - 1] = now;
        }
        if (plan.silent(player, round)) {
            return;
        }
        long right;
        try {
            right = ArithmeticSolver.solve(problem.text());
        } catch (RuntimeException notArithmetic) {
            errors.count("unsolvable_problem");
            return;
        }
        boolean answersRight = plan.answersRight(player, round);
        tally.answered(problem.problemId(), answersRight);
        ctx.writeAndFlush(new Answer(problem.problemId(), Long.toString(answersRight ? right : right + 1)));
    }

    private void standings(Standings standings, long now) {
        int round = standings.round();
        if (standings.problemId() != 0 && round >= 1 && round <= plan.rounds() && standingsAt[round - 1] == 0) {
            standingsAt[round - 1] = now;
        }
        if (standings.finalStandings()) {
            tally.finalStandings(standings, name);
            signalStandings(plan.rounds());
        } else {
            signalStandings(Math.min(round, plan.rounds()));
        }
    }

    private void signalStandings(int round) {
        while (standingsSignalled < round) {
            standingsSignalled++;
            listener.standingsDone(this, standingsSignalled);
        }
    }

    private void finish() {
        if (!finished) {
            finished = true;
            signalStandings(plan.rounds());
            listener.finished(this);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pinger != null) {
            pinger.cancel(false);
        }
        end.closedByPeer();
        finish();
        ctx.fireChannelInactive();
    }

    long player() {
        return player;
    }

    int room() {
        return plan.roomOf(player);
    }

    PlayerTally tally() {
        return tally;
    }

    long[] problemArrivals() {
        return problemAt;
    }

    long[] standingsArrivals() {
        return standingsAt;
    }

    boolean wasSeated() {
        return seated;
    }

    int standingsSignalled() {
        return standingsSignalled;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
