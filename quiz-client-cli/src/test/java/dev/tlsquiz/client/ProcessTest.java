package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsquiz.client.testing.QuizServerFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiz} as a real process: main, System.exit and the real stdout. */
class ProcessTest {

    @TempDir
    Path dir;

    @Test
    void main_whenAutoWithJson_thenPrintsJsonLinesAndExitsZero() throws Exception {
        try (QuizServerFixture server = QuizServerFixture.start(dir, builder -> builder)) {
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    QuizMain.class.getName()));
            command.addAll(List.of(server.args("--auto", "--output", "json")));
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();

            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertTrue(exited, "the client did not exit within 60 s\n" + stdout + stderr);
            assertEquals(ExitCodes.OK, process.exitValue(), stdout + stderr);

            ObjectMapper mapper = new ObjectMapper();
            List<String> types = new ArrayList<>();
            for (String line : stdout.split("\n")) {
                JsonNode event = mapper.readTree(line);
                types.add(event.get("type").asText());
            }
            assertEquals(List.of("welcome", "problem", "verdict", "problem", "verdict", "problem", "verdict", "summary"),
                    types, stdout + stderr);
            assertEquals("", stderr);
        }
    }
}
