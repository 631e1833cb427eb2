package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsquiz.client.testing.ClientProcess;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.QuizServerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiz} as a real process: main, System.exit and the real stdout. */
class ProcessTest {

    @TempDir
    Path dir;

    @Test
    void main_whenAutoWithJson_thenPrintsJsonLinesAndExitsZero() throws Exception {
        try (QuizServerFixture server = QuizServerFixture.start(dir, builder -> builder)) {
            ClientResult result = ClientProcess.run(dir, server.args("--auto", "--output", "json"));
            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());

            ObjectMapper mapper = new ObjectMapper();
            List<String> types = new ArrayList<>();
            for (String line : result.out().split("\n")) {
                JsonNode event = mapper.readTree(line);
                types.add(event.get("type").asText());
            }
            assertEquals(List.of("welcome", "problem", "verdict", "problem", "verdict", "problem", "verdict", "summary"),
                    types, result.toString());
            assertEquals("", result.err());
        }
    }
}
