package dev.tlsquiz.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The payload codec of every message type, each reading and writing its fields side by side so
 * that the two directions cannot drift apart. Field order and types are those of
 * {@code PROTOCOL.md}; each codec lists the fields in wire order.
 *
 * <p>Every codec receives the connection's protocol version. Version 1 is the only one so far, so
 * none of them looks at it yet; a version that adds a field reads and writes it under
 * {@code if (version >= N)}. HELLO and WELCOME are read before the version is known and so keep
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
                    in.string("expected"), in.u32("points"), in.u32("score")),
            (verdict, out, version) -> {
                out.u32(verdict.problemId());
                out.u8(verdict.outcome().code());
                out.string(verdict.expected());
                out.u32(verdict.points());
                out.u32(verdict.score());
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

    private MessageBodies() {
    }

    private static Problem readProblem(FieldReader in, int version) {
        long problemId = in.u32("problemId");
        int round = in.u16("round");
        int rounds = in.u16("rounds");
        long timeLimitMillis = in.u32("timeLimitMillis");
        String text = in.string("text");
        int choiceCount = in.u8("choiceCount");
        List<String> choices = new ArrayList<>(choiceCount);
        for (int i = 0; i < choiceCount; i++) {
            choices.add(in.string("choices[" + i + "]"));
        }
        return new Problem(problemId, round, rounds, timeLimitMillis, text, choices);
    }

    private static void writeProblem(Problem problem, FieldSink out, int version) {
        out.u32(problem.problemId());
        out.u16(problem.round());
        out.u16(problem.rounds());
        out.u32(problem.timeLimitMillis());
        out.string(problem.text());
        out.u8(problem.choices().size());
        for (String choice : problem.choices()) {
            out.string(choice);
        }
    }
}
