package dev.tlsquiz.server;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.BankPart;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Host;
import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.Join;
import dev.tlsquiz.codec.NegotiatedVersion;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.QuizProtocolException;
import dev.tlsquiz.server.rooms.LiveRoom;
import dev.tlsquiz.server.rooms.RoomMember;
import dev.tlsquiz.server.rooms.RoomServices;
import dev.tlsquiz.text.LogText;
import dev.tlsquiz.tls.PeerIdentity;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a host's and a player's connection to a room have in common: the connection side of a
 * {@link RoomMember} (writes that never block, handed to the channel from the room's loop; a last
 * message then close), PING, idle and shutdown handling, and the one place that answers a violation
 * with ERROR and closes. The room's rules are in {@link LiveRoom}; this class only relays.
 *
 * <p>Once in a room, a quiet connection is not idle: a player waits in the lobby or between
 * questions without sending anything, so the idle timeout applies only until the room is joined.
 * A dead connection is found by the writes the room sends it (and the slow-consumer handler).
 */
abstract class RoomSession extends SimpleChannelInboundHandler<QuizMessage> implements RoomMember {

    private static final Logger LOG = LoggerFactory.getLogger(RoomSession.class);
    private static final long LAST_WRITE_TIMEOUT_MILLIS = 5_000;

    protected final SessionEnvironment env;
    protected final RoomServices rooms;
    protected ChannelHandlerContext ctx;
    protected Channel channel;
    /** The room this connection is in (or asked to be in); set on the channel's loop. */
    protected volatile LiveRoom room;
    protected long sessionId;
    private boolean finished;

    RoomSession(SessionEnvironment env) {
        this.env = env;
        this.rooms = env.roomServices();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.channel = context.channel();
    }

    @Override
    protected final void channelRead0(ChannelHandlerContext context, QuizMessage message) {
        if (finished) {
            return;
        }
        Optional<ErrorMessage> violation = switch (message.type()) {
            case HOST -> onHost((Host) message);
            case JOIN -> onJoin((Join) message);
            case BANK_PART -> onBankPart((BankPart) message);
            case ANSWER -> onAnswer((Answer) message);
            case HOST_COMMAND -> onCommand((HostCommand) message);
            case BYE -> onBye();
            case PING -> {
                send(new Pong(((Ping) message).token()));
                yield Optional.empty();
            }
            case PONG -> Optional.empty();
            case ERROR -> {
                // The ERROR's text is the client's: escaped, as every value a peer chose.
                LOG.debug("{}: client sent {}", remote(), LogText.value(message.toString()));
                finished = true;
                context.close();
                yield Optional.empty();
            }
            case HELLO -> violation(ErrorCode.UNEXPECTED_MESSAGE,
                    "HELLO in a room session; a connection opens with one of HELLO, HOST or JOIN");
            case WELCOME, PROBLEM, VERDICT, SUMMARY, ROOM, LOBBY, PROGRESS, STANDINGS, NOTICE, ROOM_CLOSED ->
                    violation(ErrorCode.UNEXPECTED_MESSAGE, message.type() + " is sent by the server, never by a client");
        };
        violation.ifPresent(this::rejectAndClose);
    }

    Optional<ErrorMessage> onHost(Host host) {
        return violation(ErrorCode.UNEXPECTED_MESSAGE, "HOST in a session opened already; HOST opens a connection");
    }

    Optional<ErrorMessage> onJoin(Join join) {
        return violation(ErrorCode.UNEXPECTED_MESSAGE, "JOIN in a session opened already; JOIN opens a connection");
    }

    Optional<ErrorMessage> onBankPart(BankPart part) {
        return violation(ErrorCode.UNEXPECTED_MESSAGE, "BANK_PART is sent by a host right after HOST, and only then");
    }

    abstract Optional<ErrorMessage> onAnswer(Answer answer);

    abstract Optional<ErrorMessage> onCommand(HostCommand command);

    abstract Optional<ErrorMessage> onBye();

    /** The connection is gone: tell the room. Called on the channel's loop. */
    abstract void gone(LiveRoom room);

    /** Checks the version HOST or JOIN speaks, and that the server takes new sessions. */
    Optional<ErrorMessage> admissible(int version, String what) {
        if (version < Protocol.VERSION_2) {
            return violation(ErrorCode.UNSUPPORTED_VERSION, what + " needs protocol version 2 (this client speaks "
                    + version + "); update the client");
        }
        if (!Protocol.SUPPORTED_VERSIONS.contains(version)) {
            return violation(ErrorCode.UNSUPPORTED_VERSION, "protocol version " + version
                    + " is not supported (rooms speak version " + Protocol.VERSION_2 + ")");
        }
        if (env.shuttingDown().getAsBoolean()) {
            return violation(ErrorCode.SERVER_SHUTTING_DOWN,
                    "server is shutting down and starts no new sessions; try again later");
        }
        NegotiatedVersion.set(channel, Protocol.VERSION_2);
        return Optional.empty();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (room == null) {
                rejectAndClose(new ErrorMessage(ErrorCode.IDLE_TIMEOUT, "nothing received for "
                        + Durations.format(env.config().timeouts().idleTimeout()) + "; closing the idle connection"));
            }
        } else if (evt == ServerShutdownEvent.INSTANCE) {
            LiveRoom current = room;
            if (current != null) {
                current.execute(current::serverShutdown);
            } else {
                rejectAndClose(new ErrorMessage(ErrorCode.SERVER_SHUTTING_DOWN,
                        "server shutting down; your session ended early"));
            }
        }
        context.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof QuizProtocolException violation) {
            rejectAndClose(violation.toErrorMessage());
            return;
        }
        if (!ServerExceptionHandler.isOrdinary(cause) && !finished) {
            finished = true;
            context.writeAndFlush(new ErrorMessage(ErrorCode.INTERNAL_ERROR,
                    "the server failed to go on with this session; please join again"));
        }
        context.fireExceptionCaught(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        finished = true;
        LiveRoom current = room;
        if (current != null) {
            gone(current);
        }
        context.fireChannelInactive();
    }

    // ---- RoomMember: called from the room's loop ----

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public void send(QuizMessage message) {
        // The channel's void promise fires a failed write into the pipeline, which closes the connection.
        channel.writeAndFlush(message, channel.voidPromise());
    }

    @Override
    public void send(List<QuizMessage> messages) {
        for (int i = 0; i < messages.size() - 1; i++) {
            channel.write(messages.get(i), channel.voidPromise());
        }
        if (!messages.isEmpty()) {
            channel.writeAndFlush(messages.get(messages.size() - 1), channel.voidPromise());
        }
    }

    @Override
    public String address() {
        java.net.InetAddress address = inetAddress();
        return address == null ? null : address.getHostAddress();
    }

    @Override
    public EventExecutor executor() {
        return channel.eventLoop();
    }

    @Override
    public void finish(List<QuizMessage> last) {
        if (channel.eventLoop().isShuttingDown()) {
            channel.close();
            return;
        }
        channel.eventLoop().execute(() -> {
            if (!channel.isActive() || last.isEmpty()) {
                return;
            }
            finished = true;
            for (int i = 0; i < last.size() - 1; i++) {
                channel.write(last.get(i), channel.voidPromise());
            }
            channel.writeAndFlush(last.get(last.size() - 1)).addListener(ChannelFutureListener.CLOSE);
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, LAST_WRITE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    // ---- inside ----

    /** The one way a room session answers a violation: one ERROR, then close. On the channel's loop. */
    void rejectAndClose(ErrorMessage error) {
        if (finished) {
            return;
        }
        LOG.info("rejected {}: reason={}", remote(), LogText.value(error.errorCode().map(Enum::name)
                .orElse(Integer.toString(error.code())) + ": " + error.message()));
        finished = true;
        finish(List.of(error));
    }

    static Optional<ErrorMessage> violation(ErrorCode code, String message) {
        return Optional.of(new ErrorMessage(code, message));
    }

    Optional<X509Certificate> clientCertificate() {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        return ssl == null ? Optional.empty() : PeerIdentity.clientCertificate(ssl.engine().getSession());
    }

    /** The client's address, for the join-attempt limit; null when the channel has none (a test's). */
    java.net.InetAddress inetAddress() {
        SocketAddress address = channel.remoteAddress();
        return address instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }

    String remote() {
        SocketAddress address = channel.remoteAddress();
        return address == null ? "(unknown)" : LogText.value(address.toString().replaceFirst("^/", ""));
    }

    long now() {
        return env.clock().nanoTime();
    }
}
