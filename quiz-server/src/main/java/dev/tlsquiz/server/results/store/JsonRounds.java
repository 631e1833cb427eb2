package dev.tlsquiz.server.results.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A game's questions and answers as SQLite's {@code game_rounds} row keeps them (schema version 4): a
 * JSON array with an element per question, {@code [number, text, format, accepted answer]}, and one
 * per answer, {@code [player, question, text, outcome, points, milliseconds]}, the text null for a
 * timeout. Jackson writes the JSON, so every quote, backslash and control character a player typed is
 * escaped; text passes through {@link StoredText} first, as everywhere in the store.
 */
final class JsonRounds {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonRounds() {
    }

    static String questions(List<QuestionRecord> questions) {
        return write(json -> {
            for (QuestionRecord question : questions) {
                json.writeStartArray();
                json.writeNumber(question.number());
                json.writeString(StoredText.of(question.text()));
                json.writeString(Codes.of(question.format()));
                json.writeString(StoredText.of(question.acceptedAnswer()));
                json.writeEndArray();
            }
        });
    }

    static String answers(List<AnswerRecord> answers) {
        return write(json -> {
            for (AnswerRecord answer : answers) {
                json.writeStartArray();
                json.writeNumber(answer.player());
                json.writeNumber(answer.question());
                json.writeString(StoredText.of(answer.text()));
                json.writeString(Codes.of(answer.outcome()));
                json.writeNumber(answer.points());
                json.writeNumber(answer.millis());
                json.writeEndArray();
            }
        });
    }

    @FunctionalInterface
    private interface Elements {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Elements elements) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            elements.write(json);
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: JSON written to a string", e);
        }
        return out.toString();
    }
}
