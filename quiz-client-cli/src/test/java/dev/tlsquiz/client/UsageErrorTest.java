package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsquiz.client.testing.ClientProcess;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A usage error of {@code quiz} is one line on stderr and a pointer to the help that explains it, exit
 * status 2; under {@code --output json} also one {@code error} event on stdout, in the shape of every
 * other error event.
 */
class UsageErrorTest {

    @TempDir
    Path dir;

    @Test
    void port_whenOutOfRange_thenOneLineAndAPointerToPlayHelp() throws Exception {
        ClientResult result = ClientProcess.run(dir, "--port", "99999");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertEquals("quiz: --port: 99999 (expected: 1..65535); see 'quiz play --help'\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void unknownOption_whenMistyped_thenTheNearestIsSuggested() {
        ClientResult result = Clients.run("--prot", "4000");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertEquals("quiz: unknown option '--prot' (did you mean '--port'?); see 'quiz play --help'\n", result.err());
    }

    @Test
    void unknownCommand_whenMistyped_thenTheNearestCommandIsSuggested() {
        ClientResult result = Clients.run("plya", "--auto");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertEquals("quiz: unknown command 'plya' (did you mean 'play'?); see 'quiz --help'\n", result.err());
    }

    @Test
    void unknownSubcommand_whenMistyped_thenItsSiblingIsSuggested() {
        ClientResult result = Clients.run("known-hosts", "lst");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertEquals("quiz: unknown command 'lst' (did you mean 'list'?); see 'quiz known-hosts --help'\n",
                result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port=99999", "--port=many", "--output=xml", "--no-such-option"})
    void json_whenUsageIsWrong_thenAlsoOneErrorEventOnStdout(String argument) throws Exception {
        // A real process: the event must reach the real stdout, and the exit status System.exit.
        // With --output=xml first, the last --output counts, as it would for picocli had it got that far.
        ClientResult result = ClientProcess.run(dir, argument, "--output", "json");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertEquals(1, result.err().lines().count(), result.toString());
        assertTrue(result.err().startsWith("quiz: ") && result.err().endsWith("; see 'quiz play --help'\n"),
                result.toString());
        List<JsonNode> events = result.jsonLines();
        assertEquals(1, events.size(), result.toString());
        JsonNode error = events.get(0);
        List<String> fields = new ArrayList<>();
        error.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("type", "code", "name", "message", "exitCode"), fields);
        assertEquals("error", error.get("type").asText());
        assertTrue(error.get("code").isNull(), error::toString);
        assertEquals("USAGE", error.get("name").asText());
        assertTrue(error.get("exitCode").isInt(), error::toString);
        assertEquals(ExitCodes.USAGE, error.get("exitCode").asInt());
        assertTrue(error.get("message").isTextual(), error::toString);
        assertEquals(result.err(), "quiz: " + error.get("message").asText() + "\n");
    }

    @Test
    void text_whenUsageIsWrong_thenNothingOnStdout() {
        ClientResult result = Clients.run("--output", "json", "--output", "xml");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertEquals(1, result.err().lines().count(), result.toString());
    }

    @Test
    void json_whenTheErrorComesBeforeOutputIsRead_thenTheEventIsStillWritten() {
        // picocli stops at --port and never reaches --output; the arguments still asked for JSON.
        ClientResult result = Clients.run("--port", "many", "--output", "JSON");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertEquals("USAGE", result.events("error").get(0).get("name").asText(), result.toString());
    }

    @Test
    void help_whenAskedAtTheRoot_thenShowsPlaysOptions() {
        ClientResult result = Clients.run("--help");

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().contains("Without a command, quiz runs play:"), result.out());
        for (String option : new String[] {"--host", "--port", "--auto", "--output", "--cafile", "Exit codes:"}) {
            assertTrue(result.out().contains(option), option + " missing in:\n" + result.out());
        }
    }
}
