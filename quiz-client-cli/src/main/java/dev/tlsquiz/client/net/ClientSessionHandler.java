package dev.tlsquiz.client.net;

import dev.tlsquiz.client.session.ClientEvent;
import dev.tlsquiz.codec.NegotiatedVersion;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Welcome;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's end of a session on the event loop: it hands every server message to the play
 * loop and does only what must not wait for a person. It records the protocol version WELCOME
 * settles on ({@link NegotiatedVersion}), answers PING with PONG, sends a PING
 * heartbeat when the client has written nothing for a while (so the server's idle timeout never
 * cuts off a slow player), and reports a server that has gone silent. It stops reading from the
 * server while the play loop is a queue behind or the server does not read what we write
 * ({@link ReadGate}), so a flooding server costs this client a bounded amount of memory.
 */
final class ClientSessionHandler extends SimpleChannelInboundHandler<QuizMessage> {

    private static final Logger log = LoggerFactory.getLogger(ClientSessionHandler.class);

    private final EventSink sink;
    private final long readerIdleMillis;
    private ReadGate gate;
    private Runnable resumeReading;

    ClientSessionHandler(EventSink sink, long readerIdleMillis) {
        this.sink = sink;
        this.readerIdleMillis = readerIdleMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        gate = new ReadGate(ctx.channel());
        // Runs on the play loop's thread: hand the change to the event loop, which may be gone by then.
        resumeReading = () -> {
            try {
                ctx.executor().execute(gate::loopCaughtUp);
            } catch (RejectedExecutionException closed) {
                // The event loop shut down with the connection: there is nothing left to read.
            }
        };
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
        boolean forPlayLoop = switch (message.type()) {
            case PING -> {
                ctx.writeAndFlush(new Pong(((Ping) message).token()))
                        .addListener(ClientExceptionHandler.REPORT_WRITE_FAILURE);
                yield false;
            }
            case PONG -> {
                log.debug("heartbeat answered after {} ms",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ((Pong) message).token()));
                yield false;
            }
            case WELCOME -> {
                // Set before the next frame is decoded, which must be read in the session's version.
                NegotiatedVersion.set(ctx.channel(), ((Welcome) message).version());
                yield true;
            }
            case PROBLEM, VERDICT, SUMMARY, ERROR -> true;
            // A room's messages: the play loop (or the host's loop) acts on them.
            case ROOM, LOBBY, PROGRESS, STANDINGS, NOTICE, ROOM_CLOSED -> true;
            // The decoder refuses these from a server (WRONG_DIRECTION); the play loop ignores them.
            case HELLO, ANSWER, BYE, HOST, BANK_PART, JOIN, HOST_COMMAND -> true;
        };
        if (forPlayLoop && !sink.emit(new ClientEvent.MessageReceived(message), resumeReading)) {
            gate.loopFellBehind();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        gate.writabilityChanged();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                // The token is our send time, so the PONG tells the round trip.
                ctx.writeAndFlush(new Ping(System.nanoTime()))
                        .addListener(ClientExceptionHandler.REPORT_WRITE_FAILURE);
            } else if (idle.state() == IdleState.READER_IDLE && !gate.closed()) {
                // While reading is off, nothing can arrive; the play loop's deadlines still bound the wait.
                sink.emit(new ClientEvent.ServerSilent(readerIdleMillis));
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        sink.emit(new ClientEvent.ConnectionClosed());
        super.channelInactive(ctx);
    }
}
