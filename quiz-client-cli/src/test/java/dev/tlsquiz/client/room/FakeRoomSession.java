package dev.tlsquiz.client.room;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.Join;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomRole;
import dev.tlsquiz.codec.RoomState;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A scripted room for one player, through the real codec over real TLS: JOIN gets WELCOME, ROOM (with a
 * seat token), a LOBBY of the given names, then two questions ({@code 3 + 4}, {@code 10 - 8}); each
 * ANSWER gets PROGRESS, then (the question closing) VERDICT and STANDINGS of the given entries; after the
 * second, final STANDINGS and SUMMARY. What the client sent is kept in {@link #received}.
 */
class FakeRoomSession extends SimpleChannelInboundHandler<QuizMessage> {

    static final String CODE = "K7Q-2MF";
    static final String TOKEN = "seat-token-of-test";

    private final Queue<QuizMessage> received;
    private final List<String> lobbyNames;
    private final List<Standings.Entry> entries;
    private final boolean ownLine;
    private String name;
    private long score;
    private int round;

    /**
     * @param lobbyNames the names the LOBBY lists
     * @param entries    the entries of every STANDINGS
     * @param ownLine    whether STANDINGS carries the player's rank (else ownRank 0: a STANDINGS without own line)
     */
    FakeRoomSession(Queue<QuizMessage> received, List<String> lobbyNames, List<Standings.Entry> entries,
                    boolean ownLine) {
        this.received = received;
        this.lobbyNames = lobbyNames;
        this.entries = entries;
        this.ownLine = ownLine;
    }

    static Queue<QuizMessage> newQueue() {
        return new ConcurrentLinkedQueue<>();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
        received.add(message);
        if (message instanceof Join join) {
            name = join.playerName();
            ctx.write(new Welcome(Protocol.VERSION, 9, 2, 20_000, name, "fake-room"));
            ctx.write(new Room(CODE, RoomRole.PLAYER, TOKEN, RoomState.LOBBY, lobbyNames.size(), "the host", true));
            ctx.write(new Lobby(RoomState.LOBBY, lobbyNames.size(), lobbyNames));
            // The same again, as a coalesced broadcast after a join can be: shown once.
            ctx.write(new Lobby(RoomState.LOBBY, lobbyNames.size(), lobbyNames));
            ask(ctx);
        } else if (message instanceof Answer answer) {
            boolean right = answer.text().strip().equals(round == 1 ? "7" : "2");
            ctx.write(new Progress(round, 1, lobbyNames.size()));
            score += right ? 100 : 0;
            ctx.write(new Verdict(round, right ? Outcome.CORRECT : Outcome.WRONG, round == 1 ? "7" : "2",
                    right ? 100 : 0, score, ""));
            boolean last = round == 2;
            ctx.write(new Standings(round, round, 2, last, lobbyNames.size(), entries, ownLine ? 3 : 0,
                    ownLine ? score : 0));
            if (last) {
                ctx.writeAndFlush(new Summary(2, 2, 2, score, 5_000)).addListener(ChannelFutureListener.CLOSE);
            } else {
                ask(ctx);
            }
        } else if (message instanceof HostCommand) {
            ctx.close();
        }
    }

    private void ask(ChannelHandlerContext ctx) {
        round++;
        ctx.writeAndFlush(new Problem(round, round, 2, 20_000, round == 1 ? "3 + 4" : "10 - 8", AnswerFormat.INTEGER,
                List.of()));
    }
}
