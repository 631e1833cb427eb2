package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON types scripts rely on, read back with Jackson from sessions against a real server over TLS:
 * the session id is a string (jq would round a 64-bit number) in the hex the server logs, and a verdict
 * always has an {@code answer}, null when nothing was sent.
 */
class JsonEventTypesTest {

    @TempDir
    Path dir;

    @Test
    void sessionId_whenWelcomed_thenAHexStringTheServerLogsToo() {
        ClientResult result;
        try (QuizServerFixture server = QuizServerFixture.start(dir, builder -> builder)) {
            result = Clients.run(server.args("--auto", "--output", "json"));
        }

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        JsonNode sessionId = result.events("welcome").get(0).get("sessionId");
        assertTrue(sessionId.isTextual(), sessionId::toString);
        assertTrue(sessionId.asText().matches("[0-9a-f]{1,16}"), sessionId::toString);
        // The same number the server sent, in the form of its log line (Long.toHexString).
        Long.parseUnsignedLong(sessionId.asText(), 16);
    }

    @Test
    void answer_whenTheProblemTimedOut_thenNullBesideTheTimeoutOutcome() throws Exception {
        // A script that never sends a line: stdin stays open and silent, so the problem times out.
        try (QuizServerFixture server = QuizServerFixture.start(dir,
                builder -> builder.game(game -> game.withTimeLimit(Duration.ofSeconds(1))));
             PipedOutputStream silent = new PipedOutputStream();
             PipedInputStream stdin = new PipedInputStream(silent)) {
            Clients.Background client = new Clients.Background(stdin, false,
                    server.args("--output", "json", "--rounds", "1"));
            client.out().await("\"type\":\"summary\"");
            silent.close();
            ClientResult result = client.await();

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            List<JsonNode> verdicts = result.events("verdict");
            assertEquals(1, verdicts.size(), result.toString());
            assertEquals("TIMEOUT", verdicts.get(0).get("outcome").asText(), result.toString());
            assertTrue(verdicts.get(0).has("answer"), verdicts.get(0)::toString);
            assertTrue(verdicts.get(0).get("answer").isNull(), verdicts.get(0)::toString);
            assertTrue(verdicts.get(0).get("expected").isTextual(), verdicts.get(0)::toString);
        }
    }
}
