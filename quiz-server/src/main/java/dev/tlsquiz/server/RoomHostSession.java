package dev.tlsquiz.server;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.BankPart;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Host;
import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.server.config.GameRules;
import dev.tlsquiz.server.config.RoomHosts;
import dev.tlsquiz.server.config.RoomRules;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.server.room.RoomCodes;
import dev.tlsquiz.server.room.RoomGame;
import dev.tlsquiz.server.room.RoomSettings;
import dev.tlsquiz.server.room.Secrets;
import dev.tlsquiz.server.rooms.LiveRoom;
import dev.tlsquiz.text.LogText;
import io.netty.util.concurrent.EventExecutor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's connection: HOST (with BANK_PART until the bank is whole, when the host sends one), then
 * HOST_COMMANDs for the room it opened (or took back after a drop).
 *
 * <pre>
 * (router: HOST) --allowed--> [AWAITING_BANK --last BANK_PART--> PARSING (off the loop)] --> IN_ROOM --BYE / close--> gone
 *        |                              |                                |
 *        +-- HOST_REFUSED, bad field    +-- too many bytes: ERROR        +-- invalid bank: ERROR INVALID_FIELD
 * </pre>
 */
final class RoomHostSession extends RoomSession {

    private static final Logger LOG = LoggerFactory.getLogger(RoomHostSession.class);
    private static final SecureRandom SEAT_TOKENS = new SecureRandom();
    /** Per question: one second at least, a day at most. */
    private static final long MIN_TIME_LIMIT_MILLIS = 1_000;
    private static final long MAX_TIME_LIMIT_MILLIS = Duration.ofDays(1).toMillis();

    private enum State { OPENING, AWAITING_BANK, PARSING, IN_ROOM }

    private State state = State.OPENING;
    private Host host;
    private String hostName;
    private String hostKey;
    private ByteArrayOutputStream bank;

    RoomHostSession(SessionEnvironment env) {
        super(env);
    }

    @Override
    Optional<ErrorMessage> onHost(Host message) {
        if (state != State.OPENING) {
            return super.onHost(message);
        }
        Optional<ErrorMessage> refused = admissible(message.version(), "HOST");
        if (refused.isPresent()) {
            return refused;
        }
        if (!message.reclaims() && !env.results().accepting()) {
            // A new game whose results could not be kept: refused, as a solo HELLO is, rather than lost.
            return violation(ErrorCode.SERVER_BUSY, "results store unavailable: the server keeps no new games until"
                    + " its results store catches up; try again in a minute");
        }
        PlayerIdentity identity;
        try {
            identity = PlayerIdentity.admit(env.clientAuth(), clientCertificate(), message.hostName());
        } catch (IllegalArgumentException e) {
            return violation(ErrorCode.INVALID_FIELD, e.getMessage());
        }
        Optional<String> notAllowed = rooms.hostGate().refusal(message.token(), clientCertificate());
        if (notAllowed.isPresent()) {
            return violation(ErrorCode.HOST_REFUSED, notAllowed.get());
        }
        host = message;
        hostName = identity.name();
        hostKey = switch (rooms.hostGate().mode()) {
            // Every holder of the token is the server's host; a certificate's name, or a name, names one.
            case TOKEN -> "token";
            case CERT -> "cert:" + identity.name();
            case ANYONE -> "name:" + identity.name();
        };
        sessionId = env.sessionIds().next();
        if (message.reclaims()) {
            return reclaim(message.code());
        }
        RoomRules rules = env.config().rooms();
        if (message.source().sentByHost()) {
            if (message.bankBytes() == 0) {
                return violation(ErrorCode.INVALID_FIELD, "source " + message.source()
                        + " needs bankBytes, the bank's length, and the bank in BANK_PART messages");
            }
            if (message.bankBytes() > rules.maxBankBytes()) {
                return violation(ErrorCode.INVALID_FIELD, "bankBytes: " + message.bankBytes() + " (expected: <= "
                        + rules.maxBankBytes() + "); this server takes banks up to that size (--room-max-bank-bytes)");
            }
            bank = new ByteArrayOutputStream((int) message.bankBytes());
            state = State.AWAITING_BANK;
            return Optional.empty();
        }
        if (message.bankBytes() != 0) {
            return violation(ErrorCode.INVALID_FIELD, "bankBytes: " + message.bankBytes()
                    + " (expected: 0 unless the host sends a bank)");
        }
        ProblemSource questions;
        try {
            questions = rooms.questions().fromSettings(message);
        } catch (IllegalArgumentException e) {
            return violation(ErrorCode.INVALID_FIELD, e.getMessage());
        }
        return open(questions);
    }

    @Override
    Optional<ErrorMessage> onBankPart(BankPart part) {
        if (state != State.AWAITING_BANK) {
            return super.onBankPart(part);
        }
        byte[] bytes = part.text().getBytes(StandardCharsets.UTF_8);
        if (bank.size() + (long) bytes.length > host.bankBytes()) {
            return violation(ErrorCode.UNEXPECTED_MESSAGE, "BANK_PART beyond the " + host.bankBytes()
                    + " bytes HOST announced");
        }
        bank.write(bytes, 0, bytes.length);
        if (bank.size() < host.bankBytes()) {
            return Optional.empty();
        }
        state = State.PARSING;
        byte[] text = bank.toByteArray();
        bank = null;
        Host settings = host;
        try {
            // Parsing is blocking CPU work: on the rooms' bounded executor; the result comes back to this loop.
            rooms.bankWork().execute(() -> {
                ProblemSource questions;
                try {
                    questions = rooms.questions().fromBank(settings, text);
                } catch (IllegalArgumentException e) {
                    ctx.executor().execute(() -> rejectAndClose(new ErrorMessage(ErrorCode.INVALID_FIELD,
                            e.getMessage())));
                    return;
                }
                ctx.executor().execute(() -> open(questions).ifPresent(this::rejectAndClose));
            });
        } catch (RejectedExecutionException e) {
            return violation(ErrorCode.SERVER_BUSY, "the server is reading other hosts' banks; try again in a moment");
        }
        return Optional.empty();
    }

    private Optional<ErrorMessage> open(ProblemSource questions) {
        if (!channel.isActive()) {
            return Optional.empty();
        }
        RoomRules rules = env.config().rooms();
        GameRules game = env.config().game();
        int rounds = host.rounds() == 0 ? game.rounds() : Math.min(host.rounds(), game.maxRounds());
        Duration timeLimit = game.timeLimit();
        if (host.timeLimitMillis() != 0) {
            if (host.timeLimitMillis() < MIN_TIME_LIMIT_MILLIS || host.timeLimitMillis() > MAX_TIME_LIMIT_MILLIS) {
                return violation(ErrorCode.INVALID_FIELD, "timeLimitMillis: " + host.timeLimitMillis()
                        + " (expected: 0 for the server's default, or " + MIN_TIME_LIMIT_MILLIS + ".."
                        + MAX_TIME_LIMIT_MILLIS + ")");
            }
            timeLimit = Duration.ofMillis(host.timeLimitMillis());
        }
        RoomSettings settings = new RoomSettings(rounds, timeLimit, host.lateJoin(), rules.maxRoomPlayers());
        RoomGame roomGame = new RoomGame(settings, questions, () -> Secrets.random(SEAT_TOKENS, Secrets.SEAT_TOKEN_BITS));
        EventExecutor loop = roomLoop();
        long gameId = env.sessionIds().next();
        String described = describe(host);
        Optional<LiveRoom> opened = rooms.registry().open(code -> new LiveRoom(code, loop, rooms.context(), roomGame,
                gameId, described, hostName, hostKey));
        if (opened.isEmpty()) {
            return violation(ErrorCode.TOO_MANY_ROOMS, "this server has as many rooms open as it allows ("
                    + rules.maxRooms() + "); try again when one has ended");
        }
        LiveRoom created = opened.get();
        room = created;
        state = State.IN_ROOM;
        created.execute(() -> created.hostOpened(this));
        return Optional.empty();
    }

    private Optional<ErrorMessage> reclaim(String typedCode) {
        Optional<LiveRoom> found = RoomCodes.canonical(typedCode).flatMap(code -> rooms.registry().find(code));
        if (found.isEmpty()) {
            return violation(ErrorCode.ROOM_NOT_FOUND, "no open room has the code " + typedCode
                    + "; its game may be over");
        }
        LiveRoom reclaimed = found.get();
        room = reclaimed;
        state = State.IN_ROOM;
        // Under anyone the key is the host's name, which every player of the room is shown.
        boolean onlyAfterADrop = rooms.hostGate().mode() == RoomHosts.ANYONE;
        reclaimed.execute(() -> reclaimed.reclaim(this, hostKey, onlyAfterADrop, () -> finish(List.of(new ErrorMessage(
                ErrorCode.HOST_REFUSED, "room " + reclaimed.displayCode() + " is not yours to take back")))));
        return Optional.empty();
    }

    /** One of the server's event loops, spread over them: a room's loop need not be its host's. */
    private EventExecutor roomLoop() {
        io.netty.channel.EventLoopGroup group = channel.eventLoop().parent();
        return group != null ? group.next() : ctx.executor();
    }

    private static String describe(Host host) {
        return switch (host.source()) {
            case SERVER -> "server questions";
            case ARITHMETIC -> "ops=" + (host.operations().isEmpty() ? "default" : host.operations()) + " digits="
                    + (host.digits() == 0 ? "default" : Integer.toString(host.digits()));
            case GIFT_BANK -> "host's GIFT bank (" + host.bankBytes() + " bytes)";
            case CSV_BANK -> "host's CSV bank (" + host.bankBytes() + " bytes)";
        } + (host.seeded() ? " seed=" + host.seed() : "");
    }

    @Override
    Optional<ErrorMessage> onAnswer(Answer answer) {
        return violation(ErrorCode.UNEXPECTED_MESSAGE, "ANSWER from the host; the host steers the room and does not play");
    }

    @Override
    Optional<ErrorMessage> onCommand(HostCommand command) {
        if (state != State.IN_ROOM) {
            return violation(ErrorCode.UNEXPECTED_MESSAGE, "HOST_COMMAND before the room is open");
        }
        LiveRoom current = room;
        current.execute(() -> current.command(this, command));
        return Optional.empty();
    }

    @Override
    Optional<ErrorMessage> onBye() {
        if (state != State.IN_ROOM) {
            return violation(ErrorCode.UNEXPECTED_MESSAGE, "BYE before the room is open");
        }
        LiveRoom current = room;
        current.execute(() -> current.command(this, HostCommand.of(HostCommand.Action.END)));
        return Optional.empty();
    }

    @Override
    void gone(LiveRoom current) {
        LOG.debug("{}: host of room {} disconnected", remote(), LogText.value(current.displayCode()));
        current.execute(() -> current.hostLeft(this));
    }
}
