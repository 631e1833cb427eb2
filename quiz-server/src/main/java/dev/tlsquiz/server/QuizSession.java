package dev.tlsquiz.server;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.QuizProtocolException;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.quiz.AnswerJudge;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.server.quiz.Question;
import dev.tlsquiz.server.quiz.Scorecard;
import dev.tlsquiz.text.LogText;
import dev.tlsquiz.tls.PeerIdentity;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One player's session: the protocol's state machine on the server side. A new instance sits in
 * every connection's pipeline; all its state is confined to the channel's event loop, and every
 * timer it starts runs there too and is cancelled when the channel closes.
 *
 * <pre>
 * AWAITING_HANDSHAKE --TLS ok--> AWAITING_HELLO --HELLO ok--> PLAYING --last verdict / BYE--> FINISHED
 *         |                            |                          |
 *         +-- TLS failed: close        +-- deadline, bad HELLO    +-- violation, idle, shutdown
 *                                          ERROR + close              ERROR + close (FINISHED)
 * </pre>
 *
 * In PLAYING exactly one problem is open at a time: the next PROBLEM follows the VERDICT at once.
 * Every violation goes through {@link #rejectAndClose}, which sends one ERROR and closes.
 */
final class QuizSession extends SimpleChannelInboundHandler<QuizMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(QuizSession.class);
    private static final long NO_PROBLEM = -1;
    /** How long the last message (SUMMARY or ERROR) may take to leave before the connection is cut. */
    private static final long LAST_WRITE_TIMEOUT_MILLIS = 5_000;

    /** Where the session is in the protocol. */
    enum State {
        /** Connected; the TLS handshake is still running. */
        AWAITING_HANDSHAKE,
        /** TLS is up; the HELLO deadline runs. */
        AWAITING_HELLO,
        /** WELCOME sent; one problem is open. */
        PLAYING,
        /** The last message (SUMMARY or ERROR) is on its way; the connection is closing. */
        FINISHED
    }

    private final SessionEnvironment env;
    private final ServerConfig config;

    private State state = State.AWAITING_HANDSHAKE;
    private ScheduledFuture<?> helloDeadline;
    private ScheduledFuture<?> problemTimer;
    private ScheduledFuture<?> closeTimer;
    private boolean handshakeFailed;
    private String endReason = "connection closed";

    private long sessionId;
    private String playerName;
    private boolean nameVerified;
    private int rounds;
    private long welcomedAtNanos;
    private ProblemSource problems;
    private Scorecard scorecard;
    private Question openQuestion;
    private long openProblemId = NO_PROBLEM;
    private long problemSentAtNanos;
    private long lastTimedOutProblemId = NO_PROBLEM;
    private long nextProblemId = 1;

    QuizSession(SessionEnvironment env) {
        this.env = env;
        this.config = env.config();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent handshake) {
            onHandshake(ctx, handshake);
        } else if (evt instanceof IdleStateEvent) {
            rejectAndClose(ctx, ErrorCode.IDLE_TIMEOUT, "nothing received for "
                    + Durations.format(config.timeouts().idleTimeout()) + "; closing the idle connection");
        } else if (evt == ServerShutdownEvent.INSTANCE) {
            rejectAndClose(ctx, ErrorCode.SERVER_SHUTTING_DOWN, "server shutting down; your session ended early");
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
        if (state == State.FINISHED) {
            // The SUMMARY or ERROR is already on its way; whatever the client still says is moot.
            return;
        }
        switch (message.type()) {
            case HELLO -> onHello(ctx, (Hello) message);
            case ANSWER -> onAnswer(ctx, (Answer) message);
            case BYE -> onBye(ctx);
            case PING -> send(ctx, new Pong(((Ping) message).token()));
            // The server never sends PING, so a PONG is unsolicited but harmless.
            case PONG -> LOG.debug("{}: ignoring an unsolicited PONG", remote(ctx));
            case ERROR -> onClientError(ctx, (ErrorMessage) message);
            // The decoder already refuses these from a client (WRONG_DIRECTION); kept for completeness.
            case WELCOME, PROBLEM, VERDICT, SUMMARY -> rejectAndClose(ctx, ErrorCode.UNEXPECTED_MESSAGE,
                    message.type() + " is sent by the server, never by a client");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof QuizProtocolException violation) {
            rejectAndClose(ctx, violation.toErrorMessage());
            return;
        }
        if (!ServerExceptionHandler.isOrdinary(cause)) {
            // A failure of ours (a problem source that broke, say): tell the player rather than vanish.
            rejectAndClose(ctx, ErrorCode.INTERNAL_ERROR, "the server failed to go on with this session;"
                    + " please start a new one");
        }
        // The exception handler logs it and closes.
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        // Backpressure: a peer that sends (PINGs, say) but does not read would grow our outbound
        // buffer without bound; stop reading from it until it has read what we sent.
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelTimers();
        if (state != State.FINISHED && state != State.AWAITING_HANDSHAKE) {
            endReason = "client disconnected";
        }
        State last = state;
        state = State.FINISHED;
        logEnd(ctx, last);
        ctx.fireChannelInactive();
    }

    private void onHandshake(ChannelHandlerContext ctx, SslHandshakeCompletionEvent handshake) {
        if (state != State.AWAITING_HANDSHAKE) {
            return;
        }
        if (!handshake.isSuccess()) {
            handshakeFailed = true;
            state = State.FINISHED;
            // The exception handler logs it, at a bounded rate (HandshakeFailureLog).
            ctx.close();
            return;
        }
        state = State.AWAITING_HELLO;
        // The deadline starts now, not at connect: the handshake has its own timeout.
        helloDeadline = ctx.executor().schedule(() -> onHelloDeadline(ctx),
                config.timeouts().helloTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onHelloDeadline(ChannelHandlerContext ctx) {
        if (state == State.AWAITING_HELLO) {
            rejectAndClose(ctx, ErrorCode.HELLO_TIMEOUT, "no HELLO within "
                    + Durations.format(config.timeouts().helloTimeout())
                    + " after the TLS handshake; a client must send HELLO first");
        }
    }

    private void onHello(ChannelHandlerContext ctx, Hello hello) {
        if (state != State.AWAITING_HELLO) {
            rejectAndClose(ctx, ErrorCode.UNEXPECTED_MESSAGE, "a second HELLO; HELLO is sent once, to begin the session");
            return;
        }
        cancel(helloDeadline);
        if (env.shuttingDown().getAsBoolean()) {
            rejectAndClose(ctx, ErrorCode.SERVER_SHUTTING_DOWN,
                    "server is shutting down and starts no new sessions; try again later");
            return;
        }
        if (!Protocol.SUPPORTED_VERSIONS.contains(hello.version())) {
            rejectAndClose(ctx, ErrorCode.UNSUPPORTED_VERSION, "protocol version " + hello.version()
                    + " is not supported (supported: " + joinVersions() + ")");
            return;
        }
        PlayerIdentity player;
        try {
            player = PlayerIdentity.admit(env.clientAuth(), clientCertificate(ctx), hello.playerName());
        } catch (IllegalArgumentException e) {
            rejectAndClose(ctx, ErrorCode.INVALID_FIELD, e.getMessage());
            return;
        }
        playerName = player.name();
        nameVerified = player.verified();
        rounds = hello.requestedRounds() == Hello.SERVER_DEFAULT_ROUNDS
                ? config.game().rounds()
                : Math.min(hello.requestedRounds(), config.game().maxRounds());
        sessionId = ThreadLocalRandom.current().nextLong();
        problems = env.problems().newSession();
        scorecard = new Scorecard(config.game().timeLimit());
        welcomedAtNanos = now(ctx);
        state = State.PLAYING;
        send(ctx, new Welcome(Protocol.VERSION, sessionId, rounds, config.game().timeLimit().toMillis(),
                playerName, env.serverName()));
        sendNextProblem(ctx);
    }

    private void onAnswer(ChannelHandlerContext ctx, Answer answer) {
        if (state != State.PLAYING) {
            rejectAndClose(ctx, ErrorCode.UNEXPECTED_MESSAGE, "ANSWER before WELCOME; send HELLO first");
            return;
        }
        if (answer.problemId() != openProblemId) {
            if (answer.problemId() == lastTimedOutProblemId) {
                // It crossed our TIMEOUT verdict on the wire: the player was not too slow on purpose.
                LOG.debug("{}: ignoring a late ANSWER for timed-out problem {}", remote(ctx), answer.problemId());
                return;
            }
            rejectAndClose(ctx, ErrorCode.WRONG_PROBLEM, "ANSWER for problem " + answer.problemId()
                    + ", but the open problem is " + openProblemId);
            return;
        }
        cancel(problemTimer);
        Duration elapsed = Duration.ofNanos(now(ctx) - problemSentAtNanos);
        boolean correct = AnswerJudge.isCorrect(openQuestion, answer.text());
        long points = correct ? scorecard.correct(elapsed) : scorecard.wrong();
        lastTimedOutProblemId = NO_PROBLEM;
        send(ctx, new Verdict(openProblemId, correct ? Outcome.CORRECT : Outcome.WRONG,
                openQuestion.expectedAnswer(), points, scorecard.score()));
        nextRoundOrFinish(ctx);
    }

    private void onProblemDeadline(ChannelHandlerContext ctx, long problemId) {
        if (state != State.PLAYING || problemId != openProblemId) {
            return;
        }
        long points = scorecard.timedOut();
        lastTimedOutProblemId = problemId;
        send(ctx, new Verdict(problemId, Outcome.TIMEOUT, openQuestion.expectedAnswer(), points,
                scorecard.score()));
        nextRoundOrFinish(ctx);
    }

    private void onBye(ChannelHandlerContext ctx) {
        if (state != State.PLAYING) {
            rejectAndClose(ctx, ErrorCode.UNEXPECTED_MESSAGE, "BYE before WELCOME; send HELLO first");
            return;
        }
        finish(ctx, "player said BYE");
    }

    private void onClientError(ChannelHandlerContext ctx, ErrorMessage error) {
        endReason = "client sent ERROR " + error.errorCode().map(Enum::name).orElse(Integer.toString(error.code()))
                + ": " + error.message();
        state = State.FINISHED;
        cancelTimers();
        ctx.close();
    }

    private void nextRoundOrFinish(ChannelHandlerContext ctx) {
        openProblemId = NO_PROBLEM;
        openQuestion = null;
        if (scorecard.askedCount() < rounds) {
            sendNextProblem(ctx);
        } else {
            finish(ctx, "completed");
        }
    }

    private void sendNextProblem(ChannelHandlerContext ctx) {
        openQuestion = problems.next();
        openProblemId = nextProblemId++;
        scorecard.asked();
        long problemId = openProblemId;
        send(ctx, new Problem(problemId, scorecard.askedCount(), rounds, config.game().timeLimit().toMillis(),
                openQuestion.text(), openQuestion.choices()));
        problemSentAtNanos = now(ctx);
        problemTimer = ctx.executor().schedule(() -> onProblemDeadline(ctx, problemId),
                config.game().timeLimit().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finish(ChannelHandlerContext ctx, String reason) {
        state = State.FINISHED;
        endReason = reason;
        cancelTimers();
        long durationMillis = TimeUnit.NANOSECONDS.toMillis(now(ctx) - welcomedAtNanos);
        closeAfter(ctx, ctx.writeAndFlush(new Summary(scorecard.correctCount(), scorecard.answeredCount(),
                scorecard.askedCount(), scorecard.score(), durationMillis)));
    }

    private void rejectAndClose(ChannelHandlerContext ctx, ErrorCode code, String message) {
        rejectAndClose(ctx, new ErrorMessage(code, message));
    }

    /** The one way a session answers a violation or an ending condition: one ERROR, then close. */
    private void rejectAndClose(ChannelHandlerContext ctx, ErrorMessage error) {
        if (state == State.FINISHED) {
            return;
        }
        State was = state;
        state = State.FINISHED;
        cancelTimers();
        String code = error.errorCode().map(Enum::name).orElse(Integer.toString(error.code()));
        // Decoder errors already start with their code ("TRUNCATED: ..."); say it once in the log.
        endReason = "ERROR " + (error.message().startsWith(code + ": ") ? "" : code + ": ") + error.message();
        if (was == State.AWAITING_HANDSHAKE) {
            // Nothing can be said before TLS is up.
            ctx.close();
            return;
        }
        closeAfter(ctx, ctx.writeAndFlush(error));
    }

    /** Closes once {@code lastWrite} is done, or after a bounded wait for a peer that does not read. */
    private void closeAfter(ChannelHandlerContext ctx, ChannelFuture lastWrite) {
        lastWrite.addListener(ChannelFutureListener.CLOSE);
        closeTimer = ctx.executor().schedule(() -> {
            ctx.close();
        }, LAST_WRITE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The channel's void promise fires a failed write into the pipeline, where it ends the
     * connection, as FIRE_EXCEPTION_ON_FAILURE would, without a promise per message.
     */
    private void send(ChannelHandlerContext ctx, QuizMessage message) {
        ctx.writeAndFlush(message, ctx.voidPromise());
    }

    private void cancelTimers() {
        cancel(helloDeadline);
        cancel(problemTimer);
        cancel(closeTimer);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static long now(ChannelHandlerContext ctx) {
        // The executor's ticker, so that tests on an EmbeddedChannel can move time forward.
        return ctx.executor().ticker().nanoTime();
    }

    private static Optional<X509Certificate> clientCertificate(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        return ssl == null ? Optional.empty() : PeerIdentity.clientCertificate(ssl.engine().getSession());
    }

    private static String joinVersions() {
        StringBuilder versions = new StringBuilder();
        for (Integer version : Protocol.SUPPORTED_VERSIONS) {
            versions.append(versions.length() == 0 ? "" : ", ").append(version);
        }
        return versions.toString();
    }

    /** The peer's address for a log line, escaped: a proxy may report it one day, and then a peer picks it. */
    private static String remote(ChannelHandlerContext ctx) {
        SocketAddress address = ctx.channel().remoteAddress();
        return address == null ? "(unknown)" : LogText.value(address.toString().replaceFirst("^/", ""));
    }

    private void logEnd(ChannelHandlerContext ctx, State last) {
        if (scorecard != null) {
            // The player's name and the end reason (which quotes a client's ERROR text) are the client's
            // words: escaped and quoted, so they can neither break the line nor pose as other keys.
            LOG.info("session ended: {} player={} verified={} session={} rounds={}/{} correct={} score={}"
                            + " duration={}ms reason={}",
                    remote(ctx), LogText.value(playerName), nameVerified, Long.toHexString(sessionId),
                    scorecard.askedCount(), rounds, scorecard.correctCount(), scorecard.score(),
                    TimeUnit.NANOSECONDS.toMillis(now(ctx) - welcomedAtNanos), LogText.value(endReason));
        } else if (last == State.AWAITING_HANDSHAKE && !handshakeFailed) {
            LOG.debug("{}: closed before the TLS handshake completed", remote(ctx));
        } else if (!handshakeFailed) {
            LOG.info("rejected {}: reason={}", remote(ctx), LogText.value(endReason));
        }
    }
}
