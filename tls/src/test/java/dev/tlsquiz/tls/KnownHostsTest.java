package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {

    private static final String PIN_A = "SHA256:" + "ab".repeat(32);
    private static final String PIN_B = "SHA256:" + "cd".repeat(32);

    @TempDir
    Path dir;

    @Test
    void pinFor_whenFileMissing_thenEmpty() throws Exception {
        assertEquals(Optional.empty(), KnownHosts.at(dir.resolve("none")).pinFor("localhost", 26062));
    }

    @Test
    void remember_whenNewHost_thenCreatesPrivateFolderAndFileWithOneLine() throws Exception {
        Path file = dir.resolve("sub/.tlsquiz/known_hosts");
        KnownHosts.at(file).remember("Quiz.Example.org", 26062, PIN_A.toUpperCase().replace("SHA256:", "sha256:"));

        assertEquals(List.of("quiz.example.org:26062 " + PIN_A), Files.readAllLines(file));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of(PIN_A), KnownHosts.at(file).pinFor("quiz.example.org", 26062));
        assertEquals(Optional.empty(), KnownHosts.at(file).pinFor("quiz.example.org", 26063));
    }

    @Test
    void remember_whenHostKnown_thenReplacesItsLineAndKeepsCommentsAndOthers() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# my servers\n[::1]:26062 " + PIN_A + "\nother:1 " + PIN_A + "\n",
                StandardCharsets.UTF_8);
        KnownHosts hosts = KnownHosts.at(file);
        assertEquals(Optional.of(PIN_A), hosts.pinFor("::1", 26062));

        hosts.remember("::1", 26062, PIN_B);

        assertEquals(List.of("# my servers", "other:1 " + PIN_A, "[::1]:26062 " + PIN_B), Files.readAllLines(file));
        assertEquals(Optional.of(PIN_B), hosts.pinFor("[::1]", 26062));
    }

    @Test
    void remember_whenPinMalformed_thenRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> KnownHosts.at(dir.resolve("known_hosts")).remember("localhost", 1, "SHA256:1234"));
    }

    @Test
    void pinFor_whenEntryHasTrailingCommentAndFileHasBlankAndCommentLines_thenReadsThePin() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# my servers\n\n   \nquiz.example.org:26062 " + PIN_A + " # the office server\n"
                + "\t# indented comment\nother:1\t" + PIN_B + "\t#tabbed\n", StandardCharsets.UTF_8);

        assertEquals(Optional.of(PIN_A), KnownHosts.at(file).pinFor("quiz.example.org", 26062));
        assertEquals(Optional.of(PIN_B), KnownHosts.at(file).pinFor("other", 1));
    }

    @Test
    void read_whenLinesMalformed_thenReportsEachWithItsLineNumberAndKeepsTheGoodOnes() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, String.join("\n",
                "# servers",                                     // 1
                "good:1 " + PIN_A + " # fine",                   // 2
                "no-port " + PIN_A,                              // 3: names no server
                "truncated:2 SHA256:abcd",                       // 4
                "",                                              // 5
                "alone:3",                                       // 6
                "two:4 " + PIN_A + " " + PIN_B,                  // 7
                "glued:5 " + PIN_A + "#comment",                 // 8
                "::1:26062 " + PIN_A,                            // 9: IPv6 without brackets
                "\u001b[2Jevil:6 " + PIN_A) + "\n", StandardCharsets.UTF_8);

        KnownHosts.Contents contents = KnownHosts.at(file).read();

        assertEquals(List.of(2, 4, 6, 7, 8), contents.entries().stream().map(KnownHosts.Entry::line).toList());
        assertEquals(List.of(3, 9, 10), contents.malformed().stream().map(KnownHosts.Malformed::line).toList());
        assertEquals(List.of(3, 4, 6, 7, 8, 9, 10), contents.problems().stream().map(KnownHosts.Malformed::line).toList());
        assertEquals(PIN_A, contents.entriesFor("GOOD", 1).get(0).pin());
        KnownHosts.Entry truncated = contents.entriesFor("truncated", 2).get(0);
        assertFalse(truncated.readable());
        assertTrue(truncated.problem().contains("'SHA256:abcd' is not a SHA-256 pin"), truncated.problem());
        assertEquals(List.of(), contents.entriesFor("good", 2));
    }

    @Test
    void read_whenBytesAreNotUtf8_thenOnlyThatLineIsUnreadable() throws Exception {
        Path file = dir.resolve("known_hosts");
        byte[] bad = {(byte) 0xff, (byte) 0xfe, '\n'};
        Files.write(file, bad);
        Files.writeString(file, "ok:1 " + PIN_A + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        KnownHosts.Contents contents = KnownHosts.at(file).read();

        assertEquals(List.of(1), contents.malformed().stream().map(KnownHosts.Malformed::line).toList());
        assertEquals(PIN_A, contents.entriesFor("ok", 1).get(0).pin());
    }

    @Test
    void remember_whenFileHasCommentsBlankAndMalformedLines_thenKeepsThemAsWritten() throws Exception {
        Path file = dir.resolve("known_hosts");
        List<String> before = List.of("# servers", "", "garbage", "old:1 SHA256:12  # truncated", "other:2 " + PIN_A);
        Files.write(file, before, StandardCharsets.UTF_8);

        KnownHosts.at(file).remember("old", 1, PIN_B);

        assertEquals(List.of("# servers", "", "garbage", "other:2 " + PIN_A, "old:1 " + PIN_B), Files.readAllLines(file));
    }

    @Test
    void remove_whenHostWithoutPort_thenRemovesItsLinesOnEveryPortOnly() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.write(file, List.of("# servers", "quiz:1 " + PIN_A, "quiz:2 SHA256:12", "quizzes:1 " + PIN_A,
                "[::1]:1 " + PIN_B), StandardCharsets.UTF_8);
        KnownHosts hosts = KnownHosts.at(file);

        List<KnownHosts.Entry> removed = hosts.remove("QUIZ", OptionalInt.empty());

        assertEquals(List.of(2, 3), removed.stream().map(KnownHosts.Entry::line).toList());
        assertEquals(List.of("# servers", "quizzes:1 " + PIN_A, "[::1]:1 " + PIN_B), Files.readAllLines(file));
        // Line numbers are those of the file as it is now.
        assertEquals(List.of(3), hosts.remove("[::1]", OptionalInt.of(1)).stream().map(KnownHosts.Entry::line).toList());
        assertEquals(List.of("# servers", "quizzes:1 " + PIN_A), Files.readAllLines(file));
    }

    @Test
    void remove_whenNothingMatches_thenLeavesTheFileAlone() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "quiz:1 " + PIN_A, StandardCharsets.UTF_8);

        assertEquals(List.of(), KnownHosts.at(file).remove("quiz", OptionalInt.of(2)));
        assertEquals("quiz:1 " + PIN_A, Files.readString(file));
    }

    @Test
    void address_parse_whenServerSpelledAnyWay_thenOneKey() {
        assertEquals(Optional.of("quiz.example:26062"),
                KnownHosts.Address.parse("Quiz.Example:26062").map(KnownHosts.Address::key));
        assertEquals(Optional.of("[::1]:1"), KnownHosts.Address.parse("[::1]:1").map(KnownHosts.Address::key));
        for (String bad : new String[] {"quiz", "quiz:", ":1", "quiz:0", "quiz:65536", "quiz:x", "::1:1", "[::1]",
            "[]:1"}) {
            assertEquals(Optional.empty(), KnownHosts.Address.parse(bad), bad);
        }
    }

    @Test
    void defaultPath_whenHomeUnsetOrEmpty_thenJavasUserHome() {
        assertEquals(Path.of("/u", ".tlsquiz", "known_hosts"), KnownHosts.defaultPath(null, "/u"));
        assertEquals(Path.of("/u", ".tlsquiz", "known_hosts"), KnownHosts.defaultPath("", "/u"));
        assertEquals(Path.of("/h", ".tlsquiz", "known_hosts"), KnownHosts.defaultPath("/h", "/u"));
    }

    @Test
    void remember_whenSeparateProcessesWriteAtOnce_thenKeepsEveryEntry() throws Exception {
        Path file = dir.resolve("shared/known_hosts");
        int processes = 4;
        int perProcess = 25;
        List<Process> writers = new ArrayList<>();
        try {
            for (int p = 0; p < processes; p++) {
                writers.add(new ProcessBuilder(KnownHostsProcess.command("remember", file.toString(), "writer" + p,
                        Integer.toString(perProcess))).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            // Every JVM is up and waiting on stdin; the go signal starts them within a millisecond of each other.
            for (Process writer : writers) {
                writer.getOutputStream().write('\n');
                writer.getOutputStream().flush();
            }
            for (Process writer : writers) {
                assertTrue(writer.waitFor(120, TimeUnit.SECONDS), "a writer process did not finish");
                assertEquals(0, writer.exitValue());
            }
        } finally {
            writers.forEach(Process::destroyForcibly);
        }

        KnownHosts hosts = KnownHosts.at(file);
        for (int p = 0; p < processes; p++) {
            for (int i = 0; i < perProcess; i++) {
                assertEquals(Optional.of(KnownHostsProcess.PIN), hosts.pinFor("writer" + p + "-" + i, 1),
                        "writer" + p + "-" + i + " was lost:\n" + Files.readString(file));
            }
        }
        assertEquals(processes * perProcess, Files.readAllLines(file).size(), Files.readString(file));
    }

    @Test
    void remember_whenThreadsWithTheirOwnInstancesWriteAtOnce_thenKeepsEveryEntry() throws Exception {
        Path file = dir.resolve("known_hosts");
        int threads = 4;
        int perThread = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "thread" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    KnownHosts hosts = KnownHosts.at(file);
                    for (int i = 0; i < perThread; i++) {
                        hosts.remember(prefix + "-" + i, 1, PIN_A);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(threads * perThread, Files.readAllLines(file).size(), Files.readString(file));
    }

    @Test
    void defaultPath_whenHomeIsSet_thenUnderHome() throws Exception {
        Path home = dir.resolve("elsewhere");
        ProcessBuilder builder = new ProcessBuilder(KnownHostsProcess.command("default-path"))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(home.resolve(".tlsquiz").resolve("known_hosts").toString(), printed);
    }
}
