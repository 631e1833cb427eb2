package dev.tlsquiz.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The payload of every message type, read and written side by side so that the two directions
 * cannot drift apart. Field order and types are those of {@code PROTOCOL.md}; each case lists
 * the fields in wire order.
 */
final class MessageBodies {

    private MessageBodies() {
    }

    /**
     * Reads the payload of a frame of type {@code type}, up to and including the check that no
     * bytes are left over.
     *
     * @throws QuizProtocolException for a truncated payload, a malformed string, a field out of
     *                               range or trailing bytes
     */
    static QuizMessage read(MessageType type, FieldReader in) {
        QuizMessage message = switch (type) {
            case HELLO -> new Hello(in.u16("version"), in.string("playerName"),
                    in.u16("requestedRounds"));
            case WELCOME -> new Welcome(in.u16("version"), in.u64("sessionId"), in.u16("rounds"),
                    in.u32("timeLimitMillis"), in.string("playerName"), in.string("serverName"));
            case PROBLEM -> readProblem(in);
            case ANSWER -> new Answer(in.u32("problemId"), in.string("text"));
            case VERDICT -> new Verdict(in.u32("problemId"), Outcome.fromCode(in.u8("outcome")),
                    in.string("expected"), in.u32("points"), in.u32("score"));
            case SUMMARY -> new Summary(in.u16("correct"), in.u16("answered"), in.u16("total"),
                    in.u32("score"), in.u63("durationMillis"));
            case ERROR -> new ErrorMessage(in.u16("code"), in.string("message"));
            case PING -> new Ping(in.u64("token"));
            case PONG -> new Pong(in.u64("token"));
            case BYE -> new Bye();
        };
        in.end();
        return message;
    }

    /** Writes the payload of {@code message} (not the length or type byte). */
    static void write(QuizMessage message, FieldSink out) {
        switch (message.type()) {
            case HELLO -> {
                Hello hello = (Hello) message;
                out.u16(hello.version());
                out.string(hello.playerName());
                out.u16(hello.requestedRounds());
            }
            case WELCOME -> {
                Welcome welcome = (Welcome) message;
                out.u16(welcome.version());
                out.u64(welcome.sessionId());
                out.u16(welcome.rounds());
                out.u32(welcome.timeLimitMillis());
                out.string(welcome.playerName());
                out.string(welcome.serverName());
            }
            case PROBLEM -> writeProblem((Problem) message, out);
            case ANSWER -> {
                Answer answer = (Answer) message;
                out.u32(answer.problemId());
                out.string(answer.text());
            }
            case VERDICT -> {
                Verdict verdict = (Verdict) message;
                out.u32(verdict.problemId());
                out.u8(verdict.outcome().code());
                out.string(verdict.expected());
                out.u32(verdict.points());
                out.u32(verdict.score());
            }
            case SUMMARY -> {
                Summary summary = (Summary) message;
                out.u16(summary.correct());
                out.u16(summary.answered());
                out.u16(summary.total());
                out.u32(summary.score());
                out.u64(summary.durationMillis());
            }
            case ERROR -> {
                ErrorMessage error = (ErrorMessage) message;
                out.u16(error.code());
                out.string(error.message());
            }
            case PING -> out.u64(((Ping) message).token());
            case PONG -> out.u64(((Pong) message).token());
            case BYE -> {
                // BYE has no fields.
            }
        }
    }

    private static Problem readProblem(FieldReader in) {
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

    private static void writeProblem(Problem problem, FieldSink out) {
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
