package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiz known-hosts list} and {@code quiz known-hosts remove}, through the real command line. */
class KnownHostsCommandTest {

    private static final String PIN_A = "SHA256:" + "ab".repeat(32);
    private static final String PIN_B = "SHA256:" + "cd".repeat(32);

    @TempDir
    Path dir;

    @Test
    void list_whenFileHasEntriesCommentsAndBadLines_thenListsEntriesAndReportsEachBadLineWithItsNumber()
            throws Exception {
        Path file = write("# servers",
                "quiz.example.org:26062 " + PIN_A + "  # office",
                "",
                "[::1]:4000 " + PIN_B,
                "short:1 SHA256:abcd",
                "\u001b]0;owned\u0007garbage");

        ClientResult result = Clients.run("known-hosts", "list", "--known-hosts", file.toString());

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().contains("line 2: quiz.example.org:26062 " + PIN_A), result.toString());
        assertTrue(result.out().contains("line 4: [::1]:4000 " + PIN_B), result.toString());
        assertTrue(result.out().contains("line 5: cannot be read: 'SHA256:abcd' is not a SHA-256 pin"), result.toString());
        assertTrue(result.out().contains(": short:1 SHA256:abcd\n"), result.toString());
        assertTrue(result.out().contains("line 6: cannot be read: "), result.toString());
        // Text from the file reaches the terminal only sanitised: no escape sequence survives.
        assertFalse(result.out().contains("\u001b") || result.out().contains("\u0007"), result.toString());
        assertTrue(result.out().contains("\\x1b]0;owned\\x07garbage"), result.toString());
    }

    @Test
    void list_whenFileMissing_thenSaysNothingIsRemembered() {
        Path file = dir.resolve("none");

        ClientResult result = Clients.run("known-hosts", "list", "--known-hosts", file.toString());

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().contains("no servers remembered"), result.toString());
    }

    @Test
    void remove_whenHostAndPort_thenRemovesThatServerOnlyAndSaysWhichLine() throws Exception {
        Path file = write("# servers", "quiz:1 " + PIN_A, "quiz:2 " + PIN_B, "other:1 " + PIN_A);

        ClientResult result = Clients.run("known-hosts", "remove", "--known-hosts", file.toString(), "QUIZ:1");

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().contains("removed line 2: quiz:1 " + PIN_A), result.toString());
        assertEquals(List.of("# servers", "quiz:2 " + PIN_B, "other:1 " + PIN_A), Files.readAllLines(file));
    }

    @Test
    void remove_whenHostWithoutPort_thenRemovesItOnEveryPortAndUnreadableLinesToo() throws Exception {
        Path file = write("quiz:1 " + PIN_A, "other:1 " + PIN_A, "quiz:2 SHA256:12 # damaged", "[::1]:3 " + PIN_B);

        ClientResult result = Clients.run("known-hosts", "remove", "--known-hosts", file.toString(), "quiz");
        ClientResult ipv6 = Clients.run("known-hosts", "remove", "--known-hosts", file.toString(), "::1");

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertEquals(ExitCodes.OK, ipv6.exitCode(), ipv6.toString());
        assertEquals(List.of("other:1 " + PIN_A), Files.readAllLines(file));
    }

    @Test
    void remove_whenNoEntry_thenSaysSoAndLeavesTheFile() throws Exception {
        Path file = write("quiz:1 " + PIN_A);

        ClientResult result = Clients.run("known-hosts", "remove", "--known-hosts", file.toString(), "quiz:2");

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertTrue(result.out().contains("no entry for quiz:2"), result.toString());
        assertEquals(List.of("quiz:1 " + PIN_A), Files.readAllLines(file));
    }

    @Test
    void remove_whenPortIsNotANumber_thenUsageError() throws Exception {
        Path file = write("quiz:1 " + PIN_A);

        ClientResult result = Clients.run("known-hosts", "remove", "--known-hosts", file.toString(), "quiz:http");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("HOST[:PORT]"), result.toString());
    }

    @Test
    void list_whenHomeIsSet_thenReadsTheFileUnderHome() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".tlsquiz"));
        Files.writeString(home.resolve(".tlsquiz/known_hosts"), "quiz:1 " + PIN_A + "\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), QuizMain.class.getName(), "known-hosts", "list"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(ExitCodes.OK, process.exitValue(), output);
        assertTrue(output.contains(home.resolve(".tlsquiz/known_hosts").toString()), output);
        assertTrue(output.contains("line 1: quiz:1 " + PIN_A), output);
    }

    @Test
    void help_whenAskedForPlay_thenTheDefaultFileFollowsHome() {
        ClientResult result = Clients.run("play", "--help");

        assertTrue(result.out().contains("$HOME/.tlsquiz/known_hosts"), result.out());
    }

    private Path write(String... lines) throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
