package dev.tlsquiz.bench.load;

import dev.tlsquiz.client.play.ArithmeticSolver;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.NegotiatedVersion;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Locale;

/**
 * One bench player on one connection: says HELLO, answers every PROBLEM correctly (when its
 * {@link Pacer} lets it), and times ANSWER to VERDICT. A SUMMARY ends the session; the driver then
 * reconnects the slot. State confined to the channel's event loop.
 */
final class QuizPlayer extends SimpleChannelInboundHandler<QuizMessage> {

    /** What the player reports back to its driver. */
    interface Listener {
        /** A SUMMARY arrived for the session begun at {@code connectStartNanos}. */
        void sessionCompleted(long connectStartNanos);
    }

    private final ErrorCounts errors;
    private final ConnectionEnd end;
    private final Pacer pacer;
    private final Listener listener;
    private final String playerName;
    private final int requestedRounds;
    private final long connectStartNanos;
    private Problem open;

    QuizPlayer(ErrorCounts errors, ConnectionEnd end, Pacer pacer, Listener listener, String playerName, int requestedRounds,
               long connectStartNanos) {
        this.errors = errors;
        this.end = end;
        this.pacer = pacer;
        this.listener = listener;
        this.playerName = playerName;
        this.requestedRounds = requestedRounds;
        this.connectStartNanos = connectStartNanos;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // SslHandler holds this until the handshake is done.
        ctx.writeAndFlush(new Hello(Protocol.VERSION, playerName, requestedRounds));
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
        // A switch expression over the type, as everywhere: javac refuses it when a type is not handled.
        boolean sessionOver = switch (message.type()) {
            case PROBLEM -> {
                open = (Problem) message;
                pacer.ready(ctx, this::answer);
                yield false;
            }
            case VERDICT -> {
                pacer.responded();
                Outcome outcome = ((Verdict) message).outcome();
                if (outcome != Outcome.CORRECT) {
                    errors.count("verdict_" + outcome.name().toLowerCase(Locale.ROOT));
                }
                yield false;
            }
            case SUMMARY -> {
                end.finished();
                listener.sessionCompleted(connectStartNanos);
                yield true;
            }
            case ERROR -> {
                ErrorMessage error = (ErrorMessage) message;
                end.failed("server_error_" + error.errorCode().map(c -> c.name().toLowerCase(Locale.ROOT))
                        .orElse(Integer.toString(error.code())));
                yield true;
            }
            case PING -> {
                ctx.writeAndFlush(new Pong(((Ping) message).token()));
                yield false;
            }
            case WELCOME -> {
                // Set before the next frame is decoded, which must be read in the session's version.
                NegotiatedVersion.set(ctx.channel(), ((Welcome) message).version());
                yield false;
            }
            // PONG needs nothing; the decoder refuses the client's own types from a server.
            case PONG, HELLO, ANSWER, BYE -> false;
            // Room messages: a solo session never gets them.
            case HOST, BANK_PART, JOIN, ROOM, LOBBY, PROGRESS, STANDINGS, NOTICE, ROOM_CLOSED, HOST_COMMAND -> false;
        };
        if (sessionOver) {
            ctx.close();
        }
    }

    private void answer(ChannelHandlerContext ctx) {
        Problem problem = open;
        open = null;
        String text;
        try {
            text = Long.toString(ArithmeticSolver.solve(problem.text()));
        } catch (RuntimeException notArithmetic) {
            errors.count("unsolvable_problem");
            // Something of the problem's form, so that the server judges it rather than refusing it:
            // version 2 names a choice by its number.
            text = problem.format().hasChoices() ? "1" : "0";
        }
        ctx.writeAndFlush(new Answer(problem.problemId(), text));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pacer.detach();
        end.closedByPeer();
        ctx.fireChannelInactive();
    }
}
