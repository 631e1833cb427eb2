package dev.tlsquiz.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The payload codec of every message type, each reading and writing its fields side by side so
 * that the two directions cannot drift apart. Field order and types are those of
 * {@code PROTOCOL.md}; each codec lists the fields in wire order.
 *
 * <p>Every codec receives the connection's protocol version; a field that a version adds is read and
 * written under {@code if (version >= N)} (version 2 adds PROBLEM's {@code answerFormat} and
 * VERDICT's {@code feedback}, and the room messages). HELLO, WELCOME, HOST and JOIN are read before the version is known and so keep
 * one layout in every version.
 */
final class MessageBodies {

    static final BodyCodec<Hello> HELLO = BodyCodec.of(Hello.class,
            (in, version) -> new Hello(in.u16("version"), in.string("playerName"),
                    in.u16("requestedRounds")),
            (hello, out, version) -> {
                out.u16(hello.version());
                out.string(hello.playerName());
                out.u16(hello.requestedRounds());
            });

    static final BodyCodec<Welcome> WELCOME = BodyCodec.of(Welcome.class,
            (in, version) -> new Welcome(in.u16("version"), in.u64("sessionId"), in.u16("rounds"),
                    in.u32("timeLimitMillis"), in.string("playerName"), in.string("serverName")),
            (welcome, out, version) -> {
                out.u16(welcome.version());
                out.u64(welcome.sessionId());
                out.u16(welcome.rounds());
                out.u32(welcome.timeLimitMillis());
                out.string(welcome.playerName());
                out.string(welcome.serverName());
            });

    static final BodyCodec<Problem> PROBLEM = BodyCodec.of(Problem.class,
            MessageBodies::readProblem, MessageBodies::writeProblem);

    static final BodyCodec<Answer> ANSWER = BodyCodec.of(Answer.class,
            (in, version) -> new Answer(in.u32("problemId"), in.string("text")),
            (answer, out, version) -> {
                out.u32(answer.problemId());
                out.string(answer.text());
            });

    static final BodyCodec<Verdict> VERDICT = BodyCodec.of(Verdict.class,
            (in, version) -> new Verdict(in.u32("problemId"), Outcome.fromCode(in.u8("outcome")),
                    in.string("expected"), in.u32("points"), in.u32("score"),
                    version >= Protocol.VERSION_2 ? in.string("feedback") : ""),
            (verdict, out, version) -> {
                out.u32(verdict.problemId());
                out.u8(verdict.outcome().code());
                out.string(verdict.expected());
                out.u32(verdict.points());
                out.u32(verdict.score());
                // Version 1 has no place for feedback: its players see the expected answer only.
                if (version >= Protocol.VERSION_2) {
                    out.string(verdict.feedback());
                }
            });

    static final BodyCodec<Summary> SUMMARY = BodyCodec.of(Summary.class,
            (in, version) -> new Summary(in.u16("correct"), in.u16("answered"), in.u16("total"),
                    in.u32("score"), in.u63("durationMillis")),
            (summary, out, version) -> {
                out.u16(summary.correct());
                out.u16(summary.answered());
                out.u16(summary.total());
                out.u32(summary.score());
                out.u64(summary.durationMillis());
            });

    static final BodyCodec<ErrorMessage> ERROR = BodyCodec.of(ErrorMessage.class,
            (in, version) -> new ErrorMessage(in.u16("code"), in.string("message")),
            (error, out, version) -> {
                out.u16(error.code());
                out.string(error.message());
            });

    static final BodyCodec<Ping> PING = BodyCodec.of(Ping.class,
            (in, version) -> new Ping(in.u64("token")),
            (ping, out, version) -> out.u64(ping.token()));

    static final BodyCodec<Pong> PONG = BodyCodec.of(Pong.class,
            (in, version) -> new Pong(in.u64("token")),
            (pong, out, version) -> out.u64(pong.token()));

    /** BYE has no fields. */
    static final BodyCodec<Bye> BYE = BodyCodec.of(Bye.class,
            (in, version) -> new Bye(),
            (bye, out, version) -> { });

    // Room messages, version 2 on. HOST and JOIN open a session like HELLO, before the version is
    // known, so, like HELLO's, their layout is the same in every version.

    static final BodyCodec<Host> HOST = BodyCodec.of(Host.class,
            MessageBodies::readHost, MessageBodies::writeHost);

    static final BodyCodec<BankPart> BANK_PART = BodyCodec.of(BankPart.class,
            (in, version) -> new BankPart(in.string("text")),
            (part, out, version) -> out.string(part.text()));

    static final BodyCodec<Join> JOIN = BodyCodec.of(Join.class,
            (in, version) -> new Join(in.u16("version"), in.string("code"), in.string("playerName"),
                    in.string("seatToken")),
            (join, out, version) -> {
                out.u16(join.version());
                out.string(join.code());
                out.string(join.playerName());
                out.string(join.seatToken());
            });

    static final BodyCodec<Room> ROOM = BodyCodec.of(Room.class,
            (in, version) -> new Room(in.string("code"), RoomRole.fromCode(in.u8("role")), in.string("seatToken"),
                    RoomState.fromCode(in.u8("state")), in.u32("players"), in.string("hostName"),
                    bool(in, "lateJoin")),
            (room, out, version) -> {
                out.string(room.code());
                out.u8(room.role().code());
                out.string(room.seatToken());
                out.u8(room.state().code());
                out.u32(room.players());
                out.string(room.hostName());
                out.u8(room.lateJoin() ? 1 : 0);
            });

    static final BodyCodec<Lobby> LOBBY = BodyCodec.of(Lobby.class,
            MessageBodies::readLobby, MessageBodies::writeLobby);

    static final BodyCodec<Progress> PROGRESS = BodyCodec.of(Progress.class,
            (in, version) -> new Progress(in.u32("problemId"), in.u32("answered"), in.u32("players")),
            (progress, out, version) -> {
                out.u32(progress.problemId());
                out.u32(progress.answered());
                out.u32(progress.players());
            });

    static final BodyCodec<Standings> STANDINGS = BodyCodec.of(Standings.class,
            MessageBodies::readStandings, MessageBodies::writeStandings);

    static final BodyCodec<Notice> NOTICE = BodyCodec.of(Notice.class,
            (in, version) -> new Notice(in.u16("code"), in.string("message")),
            (notice, out, version) -> {
                out.u16(notice.code());
                out.string(notice.message());
            });

    static final BodyCodec<RoomClosed> ROOM_CLOSED = BodyCodec.of(RoomClosed.class,
            (in, version) -> new RoomClosed(RoomCloseReason.fromCode(in.u8("reason")), in.string("message")),
            (closed, out, version) -> {
                out.u8(closed.reason().code());
                out.string(closed.message());
            });

    static final BodyCodec<HostCommand> HOST_COMMAND = BodyCodec.of(HostCommand.class,
            (in, version) -> new HostCommand(HostCommand.Action.fromCode(in.u8("command")), in.string("argument")),
            (command, out, version) -> {
                out.u8(command.action().code());
                out.string(command.argument());
            });

    private MessageBodies() {
    }

    private static Problem readProblem(FieldReader in, int version) {
        long problemId = in.u32("problemId");
        int round = in.u16("round");
        int rounds = in.u16("rounds");
        long timeLimitMillis = in.u32("timeLimitMillis");
        String text = in.string("text");
        AnswerFormat format = version >= Protocol.VERSION_2 ? AnswerFormat.fromCode(in.u8("answerFormat")) : null;
        int choiceCount = in.u8("choiceCount");
        if (format != null && format.hasChoices() == (choiceCount == 0)) {
            throw in.outOfRange("choiceCount", choiceCount + " for answerFormat " + format.code() + " " + format
                    + " (expected: " + (format.hasChoices() ? "1 to 255" : "0") + ")");
        }
        List<String> choices = new ArrayList<>(choiceCount);
        for (int i = 0; i < choiceCount; i++) {
            choices.add(in.string("choices[" + i + "]"));
        }
        return new Problem(problemId, round, rounds, timeLimitMillis, text,
                format != null ? format : Problem.formatOfVersion1(choices), choices);
    }

    private static void writeProblem(Problem problem, FieldSink out, int version) {
        out.u32(problem.problemId());
        out.u16(problem.round());
        out.u16(problem.rounds());
        out.u32(problem.timeLimitMillis());
        out.string(problem.text());
        if (version >= Protocol.VERSION_2) {
            out.u8(problem.format().code());
        } else if (problem.format() == AnswerFormat.SEVERAL_CHOICES) {
            // Version 1 would show it as a one-choice question and judge a choice's text: refuse
            // rather than ask something else than the author wrote. The server never offers such a
            // problem to a version 1 session.
            throw new IllegalArgumentException("a SEVERAL_CHOICES problem cannot be sent in protocol version 1");
        }
        out.u8(problem.choices().size());
        for (String choice : problem.choices()) {
            out.string(choice);
        }
    }

    private static Host readHost(FieldReader in, int version) {
        int hostVersion = in.u16("version");
        String hostName = in.string("hostName");
        String code = in.string("code");
        String token = in.string("token");
        int rounds = in.u16("rounds");
        long timeLimitMillis = in.u32("timeLimitMillis");
        QuestionSource source = QuestionSource.fromCode(in.u8("source"));
        String operations = in.string("operations");
        int digits = in.u8("digits");
        long seed = in.u64("seed");
        boolean seeded = bool(in, "seeded");
        RequestedOrder order = RequestedOrder.fromCode(in.u8("order"));
        int flags = in.u8("flags");
        if ((flags & ~Host.LATE_JOIN_FLAG) != 0) {
            throw in.outOfRange("flags", flags + " (expected: bit 0 only)");
        }
        long bankBytes = in.u32("bankBytes");
        return new Host(hostVersion, hostName, code, token, rounds, timeLimitMillis, source, operations, digits,
                seed, seeded, order, (flags & Host.LATE_JOIN_FLAG) != 0, bankBytes);
    }

    private static void writeHost(Host host, FieldSink out, int version) {
        out.u16(host.version());
        out.string(host.hostName());
        out.string(host.code());
        out.string(host.token());
        out.u16(host.rounds());
        out.u32(host.timeLimitMillis());
        out.u8(host.source().code());
        out.string(host.operations());
        out.u8(host.digits());
        out.u64(host.seed());
        out.u8(host.seeded() ? 1 : 0);
        out.u8(host.order().code());
        out.u8(host.lateJoin() ? Host.LATE_JOIN_FLAG : 0);
        out.u32(host.bankBytes());
    }

    private static Lobby readLobby(FieldReader in, int version) {
        RoomState state = RoomState.fromCode(in.u8("state"));
        long players = in.u32("players");
        int count = in.u16("count");
        // Each name takes at least its two length bytes: a count the frame cannot hold is TRUNCATED
        // when the names run out, before a list of that size is ever allocated.
        List<String> names = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            names.add(in.string("names[" + i + "]"));
        }
        return new Lobby(state, players, names);
    }

    private static void writeLobby(Lobby lobby, FieldSink out, int version) {
        out.u8(lobby.state().code());
        out.u32(lobby.players());
        out.u16(lobby.names().size());
        for (String name : lobby.names()) {
            out.string(name);
        }
    }

    private static Standings readStandings(FieldReader in, int version) {
        long problemId = in.u32("problemId");
        int round = in.u16("round");
        int rounds = in.u16("rounds");
        boolean finalStandings = bool(in, "final");
        long players = in.u32("players");
        int count = in.u8("count");
        List<Standings.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new Standings.Entry(in.u32("entries[" + i + "].rank"), in.string("entries[" + i + "].name"),
                    in.u32("entries[" + i + "].score")));
        }
        return new Standings(problemId, round, rounds, finalStandings, players, entries, in.u32("ownRank"),
                in.u32("ownScore"));
    }

    private static void writeStandings(Standings standings, FieldSink out, int version) {
        out.u32(standings.problemId());
        out.u16(standings.round());
        out.u16(standings.rounds());
        out.u8(standings.finalStandings() ? 1 : 0);
        out.u32(standings.players());
        out.u8(standings.entries().size());
        for (Standings.Entry entry : standings.entries()) {
            out.u32(entry.rank());
            out.string(entry.name());
            out.u32(entry.score());
        }
        out.u32(standings.ownRank());
        out.u32(standings.ownScore());
    }

    /** A u8 that is 0 (false) or 1 (true); anything else is {@code FIELD_OUT_OF_RANGE}. */
    private static boolean bool(FieldReader in, String field) {
        int value = in.u8(field);
        if (value > 1) {
            throw in.outOfRange(field, value + " (expected: 0 or 1)");
        }
        return value == 1;
    }
}
