package dev.tlsquiz.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of {@code quiz} produced.
 *
 * @param exitCode the exit code
 * @param out      everything on stdout
 * @param err      everything on stderr
 */
public record ClientResult(int exitCode, String out, String err) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Every stdout line parsed as JSON; fails if any line is not one JSON object. */
    public List<JsonNode> jsonLines() {
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = MAPPER.readTree(line);
                if (!node.isObject()) {
                    throw new AssertionError("not a JSON object: " + line);
                }
                events.add(node);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + line, e);
            }
        }
        return events;
    }

    /** The JSON events of one type, in order. */
    public List<JsonNode> events(String type) {
        return jsonLines().stream().filter(node -> node.path("type").asText().equals(type)).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
