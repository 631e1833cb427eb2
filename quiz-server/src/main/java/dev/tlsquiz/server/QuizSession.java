package dev.tlsquiz.server;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.NegotiatedVersion;
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
import dev.tlsquiz.server.game.GameEvent;
import dev.tlsquiz.server.game.GameEvent.AnswerRefused;
import dev.tlsquiz.server.game.GameEvent.Finished;
import dev.tlsquiz.server.game.GameEvent.Judged;
import dev.tlsquiz.server.game.GameEvent.LateAnswerIgnored;
import dev.tlsquiz.server.game.GameEvent.ProblemOpened;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.game.PlayerGame;
import dev.tlsquiz.server.game.Standing;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.server.results.SoloGameRecorder;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.SessionEnd;
import dev.tlsquiz.server.services.SessionResult;
import dev.tlsquiz.text.LogText;
import dev.tlsquiz.tls.PeerIdentity;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One player's connection on the server side: TLS and HELLO admission, then a {@link PlayerGame}
 * driven over the channel. The game holds the rules; this class turns its events into messages and
 * timers. A new instance sits in every connection's pipeline; all its state is confined to the
 * channel's event loop, and every timer it starts runs there too and is cancelled when the channel
 * closes.
 *
 * <pre>
 * AWAITING_HANDSHAKE --TLS ok--> AWAITING_HELLO --HELLO ok--> PLAYING --last verdict / BYE--> FINISHED
 *         |                            |                          |
 *         +-- TLS failed: close        +-- deadline, bad HELLO,   +-- violation, idle, shutdown
 *                                          results store full         ERROR + close (FINISHED)
 *                                          ERROR + close
 * </pre>
 *
 * <p>A game that ends is handed to the results store ({@link dev.tlsquiz.server.services.ResultSink#gameEnded}),
 * whether it was played to the end or cut short. The SUMMARY of a game played to the end (or ended with BYE)
 * waits for the store to keep it: it is sent once the game is committed, so a player is never shown a
 * result the server could still lose. The last VERDICT waits with it, for {@link #LAST_VERDICT_HOLD} at
 * most. If the store fails to keep it, or has not kept it within the summary wait
 * ({@code ResultsKeeping.summaryWait}), the player gets ERROR SERVER_BUSY instead (a game still queued
 * is kept later). New games are refused with SERVER_BUSY while the store's queue is full.
 *
 * Every violation goes through {@link #rejectAndClose}, which sends one ERROR and closes; a failure
 * that is not the client's (a problem source that broke) is answered with ERROR INTERNAL_ERROR and
 * closed by the exception handler, last in the pipeline.
 */
final class QuizSession extends SimpleChannelInboundHandler<QuizMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(QuizSession.class);
    /** How long the last message (SUMMARY or ERROR) may take to leave before the connection is cut. */
    private static final long LAST_WRITE_TIMEOUT_MILLIS = 5_000;
    /**
     * How long the last VERDICT may wait for the SUMMARY to go with it. A commit takes a few
     * milliseconds, so the two normally leave together; past this the VERDICT goes alone, so that a
     * player whose summary waits for a slow store still sees how the last answer was judged.
     */
    static final Duration LAST_VERDICT_HOLD = Duration.ofMillis(100);

    /** Where the session is in the protocol. */
    enum State {
        /** Connected; the TLS handshake is still running. */
        AWAITING_HANDSHAKE,
        /** TLS is up; the HELLO deadline runs. */
        AWAITING_HELLO,
        /** WELCOME sent; the game runs. */
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
    /** How the session ended, for the metrics: set wherever {@link #endReason} is. */
    private SessionEnd endHow = SessionEnd.DISCONNECTED;
    /** When the open problem was sent, by {@link #now()}: the start of the player's answer time. */
    private long problemSentNanos;

    private long sessionId;
    private String playerName;
    private boolean nameVerified;
    private PlayerGame game;
    /** The protocol version HELLO negotiated. */
    private int version;
    /** The choices of the open problem, for a version 1 answer that names a choice by its text. */
    private List<String> openChoices = List.of();
    /** The game as the results store keeps it, written down as it is played. */
    private SoloGameRecorder recorder;
    /** The SHA-256 fingerprint (hex) of the client certificate; null without one. */
    private String certificateFingerprint;
    /** The text of the ANSWER being judged, for the record. */
    private String answerText;
    /** Whether the game was handed to the results store; it is, once, however it ends. */
    private boolean handedOver;
    /** Whether the SUMMARY (or the ERROR that replaces it) was decided on; it waits for the store. */
    private boolean summaryDecided;
    private ScheduledFuture<?> summaryTimer;

    QuizSession(SessionEnvironment env) {
        this.env = env;
        this.config = env.config();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent handshake) {
            onHandshake(ctx, handshake);
        } else if (evt instanceof IdleStateEvent) {
            rejectAndClose(ctx, new ErrorMessage(ErrorCode.IDLE_TIMEOUT, "nothing received for "
                    + Durations.format(config.timeouts().idleTimeout()) + "; closing the idle connection"));
        } else if (evt == ServerShutdownEvent.INSTANCE) {
            rejectAndClose(ctx, new ErrorMessage(ErrorCode.SERVER_SHUTTING_DOWN,
                    "server shutting down; your session ended early"));
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
        if (state == State.FINISHED) {
            // The SUMMARY or ERROR is already on its way; whatever the client still says is moot.
            return;
        }
        // A switch expression over the enum, without default: javac refuses it if a type is missing.
        Optional<ErrorMessage> violation = switch (message.type()) {
            case HELLO -> onHello(ctx, (Hello) message);
            case ANSWER -> onAnswer(ctx, (Answer) message);
            case BYE -> onBye(ctx);
            case PING -> reply(ctx, new Pong(((Ping) message).token()));
            // The server never sends PING, so a PONG is unsolicited but harmless.
            case PONG -> ignore(ctx, "an unsolicited PONG");
            case ERROR -> onClientError(ctx, (ErrorMessage) message);
            // The decoder already refuses these from a client (WRONG_DIRECTION); kept for completeness.
            case WELCOME, PROBLEM, VERDICT, SUMMARY, ROOM, LOBBY, PROGRESS, STANDINGS, NOTICE, ROOM_CLOSED ->
                    Optional.of(new ErrorMessage(ErrorCode.UNEXPECTED_MESSAGE,
                            message.type() + " is sent by the server, never by a client"));
            // A solo session: room messages have no place in it.
            case HOST, JOIN, BANK_PART, HOST_COMMAND -> Optional.of(new ErrorMessage(ErrorCode.UNEXPECTED_MESSAGE,
                    message.type() + " opens or steers a room; a session opened with HELLO is solo play"));
        };
        violation.ifPresent(error -> rejectAndClose(ctx, error));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof QuizProtocolException violation) {
            rejectAndClose(ctx, violation.toErrorMessage());
            return;
        }
        if (!ServerExceptionHandler.isOrdinary(cause)) {
            // A failure of ours (a problem source that broke, say): tell the player rather than vanish.
            // Only said here: the exception handler logs the failure and closes, for every kind of failure.
            ErrorMessage error = new ErrorMessage(ErrorCode.INTERNAL_ERROR,
                    "the server failed to go on with this session; please start a new one");
            State was = state;
            if (end(error) && was != State.AWAITING_HANDSHAKE) {
                send(ctx, error);
            }
        }
        ctx.fireExceptionCaught(cause);
    }

    /**
     * Replaced by a room session ({@link SessionRouter}, at a first HOST or JOIN): its HELLO deadline
     * must not fire into a connection it no longer runs.
     */
    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (state == State.AWAITING_HELLO) {
            cancelTimers();
            state = State.FINISHED;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelTimers();
        if (state != State.FINISHED && state != State.AWAITING_HANDSHAKE) {
            endReason = "client disconnected";
            endHow = SessionEnd.DISCONNECTED;
        }
        State last = state;
        state = State.FINISHED;
        recordEnd(ctx, last);
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
        helloDeadline = schedule(ctx, () -> onHelloDeadline(ctx), config.timeouts().helloTimeout().toNanos());
    }

    private void onHelloDeadline(ChannelHandlerContext ctx) {
        if (state == State.AWAITING_HELLO) {
            rejectAndClose(ctx, new ErrorMessage(ErrorCode.HELLO_TIMEOUT, "no HELLO within "
                    + Durations.format(config.timeouts().helloTimeout())
                    + " after the TLS handshake; a client must send HELLO first"));
        }
    }

    private Optional<ErrorMessage> onHello(ChannelHandlerContext ctx, Hello hello) {
        if (state != State.AWAITING_HELLO) {
            return violation(ErrorCode.UNEXPECTED_MESSAGE, "a second HELLO; HELLO is sent once, to begin the session");
        }
        cancel(helloDeadline);
        if (env.shuttingDown().getAsBoolean()) {
            return violation(ErrorCode.SERVER_SHUTTING_DOWN,
                    "server is shutting down and starts no new sessions; try again later");
        }
        if (!env.results().accepting()) {
            // Rather than lose a result silently: the game would be played and then not kept.
            return violation(ErrorCode.SERVER_BUSY, "results store unavailable: the server starts no new games"
                    + " until it has kept the finished ones; try again in a minute");
        }
        if (!Protocol.SUPPORTED_VERSIONS.contains(hello.version())) {
            return violation(ErrorCode.UNSUPPORTED_VERSION, "protocol version " + hello.version()
                    + " is not supported (supported: " + joinVersions() + ")");
        }
        PlayerIdentity player;
        Optional<X509Certificate> certificate = clientCertificate(ctx);
        try {
            player = PlayerIdentity.admit(env.clientAuth(), certificate, hello.playerName());
        } catch (IllegalArgumentException e) {
            return violation(ErrorCode.INVALID_FIELD, e.getMessage());
        }
        // The session's questions are fixed now: a bank reloaded later changes later sessions only.
        ProblemSource questions = env.problems().newSession();
        if (hello.version() < Protocol.VERSION_2 && questions.hasSeveralChoices()) {
            return violation(ErrorCode.UNSUPPORTED_VERSION, "this server's questions need protocol version 2"
                    + " (several-choice questions); update the client");
        }
        playerName = player.name();
        nameVerified = player.verified();
        int asked = hello.requestedRounds() == Hello.SERVER_DEFAULT_ROUNDS
                ? config.game().rounds()
                : Math.min(hello.requestedRounds(), config.game().maxRounds());
        // Without --repeat a bank's questions are each asked once, so WELCOME promises no more rounds.
        int rounds = Math.min(asked, questions.available().orElse(Integer.MAX_VALUE));
        sessionId = env.sessionIds().next();
        game = new PlayerGame(questions, rounds, config.game().timeLimit());
        certificateFingerprint = certificate.map(PlayerRecord::fingerprintOf).orElse(null);
        long start = now();
        recorder = new SoloGameRecorder(sessionId, env.instance(), env.gameSettings(), Instant.now(), start);
        version = hello.version();
        state = State.PLAYING;
        NegotiatedVersion.set(ctx.channel(), hello.version());
        send(ctx, new Welcome(hello.version(), sessionId, rounds, config.game().timeLimit().toMillis(),
                playerName, env.serverName()));
        env.metrics().sessionStarted();
        return play(ctx, game.start(start));
    }

    private Optional<ErrorMessage> onAnswer(ChannelHandlerContext ctx, Answer answer) {
        if (state != State.PLAYING) {
            return violation(ErrorCode.UNEXPECTED_MESSAGE, "ANSWER before WELCOME; send HELLO first");
        }
        answerText = answer.text();
        return play(ctx, game.answer(answer.problemId(), answerText(answer.text()), now()));
    }

    /**
     * The answer as the judge reads it. A version 1 client answers a choice with the choice's text,
     * which becomes its number here; version 2 clients send numbers or letters themselves.
     */
    private String answerText(String text) {
        return version < Protocol.VERSION_2 && !openChoices.isEmpty()
                ? Version1Answers.choiceNumber(openChoices, text) : text;
    }

    private void onProblemDeadline(ChannelHandlerContext ctx, long problemId) {
        if (state == State.PLAYING) {
            game.deadline(problemId, now()).flatMap(timedOut -> play(ctx, timedOut))
                    .ifPresent(error -> rejectAndClose(ctx, error));
        }
    }

    private Optional<ErrorMessage> onBye(ChannelHandlerContext ctx) {
        if (state != State.PLAYING) {
            return violation(ErrorCode.UNEXPECTED_MESSAGE, "BYE before WELCOME; send HELLO first");
        }
        // Asked before the BYE, never answered: the record keeps it with its accepted answer.
        Optional<String> openAccepted = game.openAcceptedAnswer();
        finish(ctx, "player said BYE", SessionEnd.BYE, game.end(now()), openAccepted);
        return Optional.empty();
    }

    private Optional<ErrorMessage> onClientError(ChannelHandlerContext ctx, ErrorMessage error) {
        endReason = "client sent ERROR " + error.errorCode().map(Enum::name).orElse(Integer.toString(error.code()))
                + ": " + error.message();
        endHow = SessionEnd.CLIENT_ERROR;
        state = State.FINISHED;
        cancelTimers();
        ctx.close();
        return Optional.empty();
    }

    private Optional<ErrorMessage> reply(ChannelHandlerContext ctx, QuizMessage message) {
        send(ctx, message);
        return Optional.empty();
    }

    private static Optional<ErrorMessage> ignore(ChannelHandlerContext ctx, String what) {
        LOG.debug("{}: ignoring {}", remote(ctx), what);
        return Optional.empty();
    }

    /**
     * Turns a game event into messages and timers; returns the violation it stands for, if any. A
     * player on their own gets the next problem as soon as one is judged.
     */
    private Optional<ErrorMessage> play(ChannelHandlerContext ctx, GameEvent event) {
        if (event instanceof ProblemOpened opened) {
            openChoices = opened.choices();
            recorder.opened(opened, now());
            problemSentNanos = now();
            // Version 1 carries no format (the encoder leaves it out): choices make it a choice, else a free answer.
            send(ctx, new Problem(opened.problemId(), opened.round(), opened.rounds(), opened.timeLimit().toMillis(),
                    opened.text(), WireAnswerFormat.of(opened.format()), opened.choices()));
            problemTimer = schedule(ctx, () -> onProblemDeadline(ctx, opened.problemId()),
                    opened.deadlineNanos() - now());
        } else if (event instanceof Judged judged) {
            cancel(problemTimer);
            recorder.judged(judged, answerText, now());
            env.metrics().judged(judged.judgement());
            if (judged.judgement() != Judgement.TIMEOUT) {
                env.metrics().answered(now() - problemSentNanos);
            }
            // Version 1 carries no feedback (the encoder leaves it out).
            ctx.write(new Verdict(judged.problemId(), outcome(judged), judged.expectedAnswer(), judged.points(),
                    judged.score(), judged.feedback()), ctx.voidPromise());
            GameEvent next = game.next(now());
            if (!(next instanceof Finished)) {
                ctx.flush();
            }
            // Else the last VERDICT waits for the SUMMARY, which waits for the store: the two leave in one
            // TLS record and one write, not two (finish says how long it may wait). A failure in next()
            // is answered with an ERROR, whose flush takes the VERDICT along first.
            return play(ctx, next);
        } else if (event instanceof Finished finished) {
            finish(ctx, "completed", SessionEnd.COMPLETED, finished, Optional.empty());
        } else if (event instanceof LateAnswerIgnored late) {
            // It crossed our TIMEOUT verdict on the wire: the player was not too slow on purpose.
            ignore(ctx, "a late ANSWER for timed-out problem " + late.problemId());
        } else if (event instanceof AnswerRefused refused) {
            return violation(ErrorCode.WRONG_PROBLEM, "ANSWER for problem " + refused.problemId()
                    + ", but the open problem is " + refused.openProblemId());
        } else {
            throw new IllegalStateException("no mapping for game event " + event);
        }
        return Optional.empty();
    }

    private static Outcome outcome(Judged judged) {
        return switch (judged.judgement()) {
            case CORRECT -> Outcome.CORRECT;
            case WRONG -> Outcome.WRONG;
            case TIMEOUT -> Outcome.TIMEOUT;
        };
    }

    /**
     * The game is over with a result to show: it is handed to the results store, and the SUMMARY
     * follows once the store has kept it (at once for a server that keeps nothing).
     */
    private void finish(ChannelHandlerContext ctx, String reason, SessionEnd how, Finished finished,
                        Optional<String> openAccepted) {
        state = State.FINISHED;
        endReason = reason;
        endHow = how;
        cancelTimers();
        Standing result = finished.result();
        Summary summary = new Summary(result.correct(), result.answered(), result.asked(), result.score(),
                result.played().toMillis());
        CompletableFuture<Void> kept = handOver(ctx, result, openAccepted).toCompletableFuture();
        if (kept.isDone()) {
            kept.whenComplete((ignored, failure) -> onKept(ctx, summary, failure));
            return;
        }
        long summaryWait = config.results().summaryWait().toNanos();
        long summaryDeadline = now() + summaryWait;
        // One timer at a time: first the end of the last VERDICT's hold, then the end of the summary wait.
        summaryTimer = schedule(ctx, () -> {
            if (!summaryDecided) {
                ctx.flush();
                summaryTimer = schedule(ctx, () -> onSummaryWaitOver(ctx), summaryDeadline - now());
            }
        }, Math.min(LAST_VERDICT_HOLD.toNanos(), summaryWait));
        // The writer completes the stage on its own thread: the session goes on on its event loop.
        kept.whenCompleteAsync((ignored, failure) -> onKept(ctx, summary, failure), ctx.executor());
    }

    /** The store kept the game (or failed to): the SUMMARY, or ERROR SERVER_BUSY in its place. */
    private void onKept(ChannelHandlerContext ctx, Summary summary, Throwable failure) {
        if (summaryDecided) {
            return;
        }
        summaryDecided = true;
        cancel(summaryTimer);
        if (!ctx.channel().isActive()) {
            return;
        }
        if (failure == null) {
            closeAfter(ctx, ctx.writeAndFlush(summary));
        } else {
            endReason += "; results not kept";
            closeAfter(ctx, ctx.writeAndFlush(new ErrorMessage(ErrorCode.SERVER_BUSY, "results store unavailable:"
                    + " your game could not be kept, so its summary is not shown; please play again later")));
        }
    }

    /** The store has not kept the game in time: the player is told, the game stays queued. */
    private void onSummaryWaitOver(ChannelHandlerContext ctx) {
        if (summaryDecided) {
            return;
        }
        summaryDecided = true;
        endReason += "; summary not shown, results store slow";
        closeAfter(ctx, ctx.writeAndFlush(new ErrorMessage(ErrorCode.SERVER_BUSY, "results store unavailable:"
                + " your game is kept once the store is back, but its summary cannot be shown now; try again later")));
    }

    /** Hands the game to the results store, once; returns the stage that completes when it is kept. */
    private CompletionStage<Void> handOver(ChannelHandlerContext ctx, Standing result, Optional<String> openAccepted) {
        handedOver = true;
        PlayerRecord player = new PlayerRecord(playerName, nameVerified, certificateFingerprint,
                config.results().storeAddresses() ? address(ctx) : null, result.score(), 1, result.correct(),
                result.answered());
        GameRecord record = recorder.finish(player, now(), endReason, openAccepted);
        return env.results().gameEnded(record);
    }

    private static Optional<ErrorMessage> violation(ErrorCode code, String message) {
        return Optional.of(new ErrorMessage(code, message));
    }

    /** The one way a session answers a violation or an ending condition: one ERROR, then close. */
    private void rejectAndClose(ChannelHandlerContext ctx, ErrorMessage error) {
        State was = state;
        if (!end(error)) {
            return;
        }
        if (was == State.AWAITING_HANDSHAKE) {
            // Nothing can be said before TLS is up.
            ctx.close();
            return;
        }
        closeAfter(ctx, ctx.writeAndFlush(error));
    }

    /** Ends the session with {@code error} as its reason; false when it had ended already. */
    private boolean end(ErrorMessage error) {
        if (state == State.FINISHED) {
            return false;
        }
        state = State.FINISHED;
        cancelTimers();
        String code = error.errorCode().map(Enum::name).orElse(Integer.toString(error.code()));
        // Decoder errors already start with their code ("TRUNCATED: ..."); say it once in the log.
        endReason = "ERROR " + (error.message().startsWith(code + ": ") ? "" : code + ": ") + error.message();
        endHow = error.errorCode().map(SessionEnd::byError).orElse(SessionEnd.PROTOCOL_ERROR);
        return true;
    }

    /** Closes once {@code lastWrite} is done, or after a bounded wait for a peer that does not read. */
    private void closeAfter(ChannelHandlerContext ctx, ChannelFuture lastWrite) {
        lastWrite.addListener(ChannelFutureListener.CLOSE);
        closeTimer = ctx.executor().schedule(() -> {
            ctx.close();
        }, LAST_WRITE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code task} on the channel's event loop after {@code delayNanos}. A failure in it goes
     * where a failure in a read goes, {@link #exceptionCaught}, instead of the executor's log.
     */
    private ScheduledFuture<?> schedule(ChannelHandlerContext ctx, Runnable task, long delayNanos) {
        return ctx.executor().schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                exceptionCaught(ctx, e);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The channel's void promise fires a failed write into the pipeline, where it ends the
     * connection, as FIRE_EXCEPTION_ON_FAILURE would, without a promise per message.
     */
    private static void send(ChannelHandlerContext ctx, QuizMessage message) {
        ctx.writeAndFlush(message, ctx.voidPromise());
    }

    private void cancelTimers() {
        cancel(helloDeadline);
        cancel(problemTimer);
        cancel(closeTimer);
        cancel(summaryTimer);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private long now() {
        return env.clock().nanoTime();
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

    /** The peer's IP address, as kept with the results under {@code --store-addresses}; null if unknown. */
    private static String address(ChannelHandlerContext ctx) {
        SocketAddress address = ctx.channel().remoteAddress();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return address == null ? null : address.toString();
    }

    /** The peer's address for a log line, escaped: a proxy may report it one day, and then a peer picks it. */
    private static String remote(ChannelHandlerContext ctx) {
        SocketAddress address = ctx.channel().remoteAddress();
        return address == null ? "(unknown)" : LogText.value(address.toString().replaceFirst("^/", ""));
    }

    private void recordEnd(ChannelHandlerContext ctx, State last) {
        if (game != null) {
            Standing result = game.standing(now());
            // The player's name and the end reason (which quotes a client's ERROR text) are the client's
            // words: escaped and quoted, so they can neither break the line nor pose as other keys.
            LOG.info("session ended: {} player={} verified={} session={} rounds={}/{} correct={} score={}"
                            + " duration={}ms reason={}",
                    remote(ctx), LogText.value(playerName), nameVerified, Long.toHexString(sessionId),
                    result.asked(), result.rounds(), result.correct(), result.score(), result.played().toMillis(),
                    LogText.value(endReason));
            env.results().sessionEnded(new SessionResult(playerName, nameVerified, sessionId, result, endReason));
            if (!handedOver) {
                // Ended early (a disconnect, a violation, the shutdown): kept all the same, with no SUMMARY to send.
                handOver(ctx, result, game.openAcceptedAnswer());
            }
            env.metrics().sessionEnded(endHow);
        } else if (last == State.AWAITING_HANDSHAKE && !handshakeFailed) {
            LOG.debug("{}: closed before the TLS handshake completed", remote(ctx));
        } else if (!handshakeFailed) {
            LOG.info("rejected {}: reason={}", remote(ctx), LogText.value(endReason));
        }
    }
}
