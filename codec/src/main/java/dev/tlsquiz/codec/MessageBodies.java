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
 * VERDICT's {@code feedback}). HELLO and WELCOME are read before the version is known and so keep
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
}
