package dev.tlsquiz.client.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.text.TerminalText;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON lines: exactly one object per event on stdout, each with a {@code "type"} of
 * {@code welcome}, {@code problem}, {@code verdict}, {@code summary} or {@code error} (also for a
 * usage error, with the name {@code USAGE}). Anything
 * meant for people (re-prompts, notices, the failure line) goes to stderr so that every stdout
 * line parses.
 *
 * <p>Events are written with Jackson's streaming generator rather than an {@code ObjectMapper}:
 * the values are only strings, numbers, booleans and lists of strings, and databind's start-up (hundreds of
 * classes) was a visible part of the time to the first problem.
 *
 * <p>Strings keep their exact text for scripts, with every character a terminal would act on
 * written as a JSON escape ({@link TerminalSafeEscapes}): stdout may well be a terminal.
 */
final class JsonRenderer implements SessionRenderer {

    private final JsonFactory factory = new JsonFactory().setCharacterEscapes(new TerminalSafeEscapes());
    private final PrintStream out;
    private final PrintStream err;

    JsonRenderer(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void welcome(Welcome welcome, boolean nameVerified) {
        Map<String, Object> event = event("welcome");
        // 64 arbitrary bits: a string, since jq and JavaScript round numbers above 2^53; in the hex the server logs.
        event.put("sessionId", Long.toHexString(welcome.sessionId()));
        event.put("rounds", welcome.rounds());
        event.put("timeLimitMillis", welcome.timeLimitMillis());
        event.put("playerName", welcome.playerName());
        event.put("nameVerified", nameVerified);
        event.put("server", welcome.serverName());
        write(event);
    }

    @Override
    public void problem(Problem problem) {
        Map<String, Object> event = event("problem");
        event.put("problemId", problem.problemId());
        event.put("round", problem.round());
        event.put("rounds", problem.rounds());
        event.put("text", problem.text());
        event.put("timeLimitMillis", problem.timeLimitMillis());
        // How to answer: integer, number, one_choice, several_choices or text (PROTOCOL.md, version 2).
        event.put("format", problem.format().name().toLowerCase(Locale.ROOT));
        event.put("choices", problem.choices());
        write(event);
    }

    @Override
    public void reprompt(Problem problem, String reason) {
        err.println(TerminalText.sanitize(reason));
        err.print(PromptText.SHORT);
        err.flush();
    }

    @Override
    public void help() {
        // Prompts in JSON mode go to stderr, and so does the list of commands.
        PromptText.HELP.forEach(err::println);
        err.print(PromptText.SHORT);
        err.flush();
    }

    @Override
    public void lineTyped() {
        // Prompts in JSON mode go to stderr and are not tracked.
    }

    @Override
    public void answerSent(Problem problem, String answer, boolean typed) {
        // The answer is reported in the verdict event, next to the outcome it earned.
    }

    @Override
    public void cannotAnswer(Problem problem, String reason) {
        // A line for people, on stderr with the other notices: stdout stays one event per line.
        notice(reason);
    }

    @Override
    public void verdict(Verdict verdict, Problem problem, String answer) {
        Map<String, Object> event = event("verdict");
        event.put("problemId", verdict.problemId());
        if (problem != null) {
            event.put("round", problem.round());
        }
        event.put("outcome", verdict.outcome().name());
        // Always present: null when nothing was sent (a TIMEOUT), so scripts need not test for the key.
        event.put("answer", answer);
        event.put("expected", verdict.expected());
        event.put("points", verdict.points());
        event.put("score", verdict.score());
        // Always present: "" when the question's author wrote none.
        event.put("feedback", verdict.feedback());
        write(event);
    }

    @Override
    public void summary(SessionSummary summary) {
        Map<String, Object> event = event("summary");
        putSummary(event, summary);
        write(event);
    }

    /**
     * The fields of a {@code summary} event, in order: a room's summary ({@link RoomJsonView}) is the same
     * with the room's fields after them, so that one script reads both.
     */
    static void putSummary(Map<String, Object> event, SessionSummary summary) {
        event.put("correct", summary.correct());
        event.put("answered", summary.answered());
        event.put("total", summary.total());
        event.put("score", summary.score());
        event.put("durationMillis", summary.durationMillis());
        // Figures the client adds; null where there is nothing to average (no answer).
        event.put("accuracyPercent", summary.accuracyPercent().isPresent()
                ? Math.round(summary.accuracyPercent().getAsDouble() * 10) / 10.0 : null);
        event.put("bestStreak", summary.bestStreak());
        event.put("averageAnswerMillis", summary.averageAnswerMillis().isPresent()
                ? summary.averageAnswerMillis().getAsLong() : null);
        event.put("partial", summary.partial());
    }

    @Override
    public void failure(ClientFailure failure) {
        err.println("quiz: " + TerminalText.sanitize(failure.getMessage()));
        err.flush();
        Map<String, Object> event = event("error");
        event.put("code", failure.protocolCode());
        event.put("name", failure.name());
        event.put("message", failure.getMessage());
        event.put("exitCode", failure.exitCode());
        write(event);
    }

    @Override
    public void notice(String line) {
        err.println(TerminalText.sanitize(line));
        err.flush();
    }

    /** A new event of {@code type}, its fields in the order they are put (the room views' too). */
    static Map<String, Object> event(String type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        return event;
    }

    /** Writes {@code event} as one line on stdout (the room views write through it too). */
    void write(Map<String, Object> event) {
        StringWriter line = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(line)) {
            generator.writeStartObject();
            for (Map.Entry<String, Object> field : event.entrySet()) {
                generator.writeFieldName(field.getKey());
                writeValue(generator, field.getValue());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail; this would be a bug here.
            throw new UncheckedIOException(e);
        }
        out.println(line);
        out.flush();
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Map<?, ?> object) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> field : object.entrySet()) {
                generator.writeFieldName((String) field.getKey());
                writeValue(generator, field.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                writeValue(generator, element);
            }
            generator.writeEndArray();
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    /**
     * JSON escapes for what Jackson would write raw although a terminal acts on it: DEL, C1 controls
     * and bidirectional overrides (as {@code &#92;u009B}, {@code &#92;u202E}, in Jackson's own spelling).
     * Jackson escapes C0 controls itself.
     */
    private static final class TerminalSafeEscapes extends CharacterEscapes {

        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            asciiEscapes[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Surrogates come one half at a time here; a pair is an ordinary character (an emoji).
            if (Character.isSurrogate((char) ch) || TerminalText.isSafe(String.valueOf((char) ch))) {
                return null;
            }
            return new SerializedString(String.format("\\u%04X", ch));
        }
    }
}
