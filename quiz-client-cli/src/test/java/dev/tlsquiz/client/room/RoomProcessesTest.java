package dev.tlsquiz.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.QuizMain;
import dev.tlsquiz.client.testing.Conditions;
import dev.tlsquiz.server.cli.QuizServerMain;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class plays a room with real processes, as a teacher's scripts would: {@code quiz-server serve}, one
 * {@code quiz host --start-when 40 --output json} steered through its stdin, and 40 {@code quiz join CODE
 * --output json} players (39 with {@code --auto}, one answering from its stdin when the test says). Checked:
 * every player's final score and rank against a recomputation from their own VERDICT lines; no VERDICT
 * while one player has not answered (the reveal is never early); a player killed with SIGKILL rejoins with
 * {@code quiz join CODE} and keeps its score; a kicked player cannot rejoin; a second player cannot take a
 * seat by its name.
 *
 * <p>42 JVMs on a loaded 2-core machine: each runs with C1 only, the serial collector, one CPU's worth of
 * threads and a small heap; the questions have a generous time limit, so that the game waits for the
 * scripts rather than racing them; the whole test is bounded.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RoomProcessesTest {

    private static final int PLAYERS = 40;
    private static final int ROUNDS = 3;
    /** Every wait's bound: 42 JVMs starting on two cores that other builds share take minutes, not seconds. */
    private static final Duration WAIT = Duration.ofMinutes(8);
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) .*");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The lightest JVM that runs a session: the launcher's client flags, and less. */
    private static final List<String> LIGHT_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:ActiveProcessorCount=1", "-Xss512k", "-Xmx64m", "-XX:-UsePerfData", "-Xshare:auto", "-Xlog:cds*=off",
            "-Xlog:cds=off");

    @TempDir
    Path dir;

    private final List<Proc> processes = new ArrayList<>();
    private String childClassPath;
    /**
     * The client's classes as one JVM loaded them, archived (AppCDS) for the others: a client starts on
     * about half the CPU, as scripts/quiz's archive makes it. Empty until {@link #trainClientArchive}.
     */
    private final List<String> clientArchive = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(proc -> proc.process().destroyForcibly());
    }

    @Test
    void classOfForty_whenScriptedThroughAGame_thenScoresRanksRevealRejoinKickAndNamesAsPromised() throws Exception {
        int port = startServer();
        trainClientArchive(port);
        Proc host = start("host", true, QuizMain.class, "host", "--port", Integer.toString(port), "--cafile",
                ca(), "--token-file", dir.resolve("certs").resolve("host-token").toString(), "--name", "teacher",
                "--connect-timeout", "5m",
                "--rounds", Integer.toString(ROUNDS), "--time-limit", "100s", "--ops", "add,sub", "--seed", "11",
                "--start-when", Integer.toString(PLAYERS), "--output", "json");
        Conditions.await(() -> "the host's room event\n" + host.describe(), WAIT, () -> !host.events("room").isEmpty());
        String code = host.events("room").get(0).get("code").asText();

        // p00 answers only when the test writes a line; the others solve at once.
        Map<String, Proc> players = new LinkedHashMap<>();
        players.put("p00", join("p00", code, true, "--answers", "-"));
        for (int i = 1; i < PLAYERS; i++) {
            String name = String.format("p%02d", i);
            players.put(name, join(name, code, false, "--auto"));
        }

        // Question 1: 39 answered, one has not, so the question is open and nobody may know a verdict.
        Conditions.await(() -> "39 answers to question 1\n" + host.describe() + ended(players), WAIT,
                () -> noneEnded(players) && host.events("progress").stream()
                        .anyMatch(p -> p.get("problemId").asLong() == 1 && p.get("answered").asLong() == PLAYERS - 1));
        for (Proc player : players.values()) {
            assertTrue(player.events("verdict").isEmpty(), "a verdict before the question closed\n" + player.describe());
        }
        host.send("pause");
        long answeredAt = System.currentTimeMillis();
        players.get("p00").send("1");
        Conditions.await(() -> "everyone's standings after question 1", WAIT, () -> players.values().stream()
                .allMatch(p -> !p.events("standings").isEmpty()));
        assertTrue(host.events("standings").get(0).get("atMillis").asLong() >= answeredAt, "closed before the last answer");

        // Killed (SIGKILL, no goodbye) and back with the same command: the seat token brings the score along.
        Proc killed = players.get("p07");
        long scoreBefore = killed.events("standings").get(0).get("ownScore").asLong();
        killed.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Proc rejoined = join("p07", code, false, "--auto");
        Conditions.await(() -> "p07's rejoin\n" + rejoined.describe(), WAIT, () -> !rejoined.events("room").isEmpty());
        assertTrue(rejoined.events("room").get(0).get("rejoined").asBoolean(), rejoined.describe());

        // Another process cannot take p01's seat by its name.
        Proc thief = join("p01", code, false, "--auto", "--seat-dir", dir.resolve("thief").toString());
        assertTrue(thief.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), thief.describe());
        assertEquals(ExitCodes.ROOM_REFUSED, thief.process().exitValue(), thief.describe());
        assertEquals("NAME_TAKEN", thief.events("error").get(0).get("name").asText(), thief.describe());

        // Kicked: gone, and not welcome back.
        host.send("kick p13");
        Proc kicked = players.get("p13");
        assertTrue(kicked.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), kicked.describe());
        assertEquals(ExitCodes.KICKED, kicked.process().exitValue(), kicked.describe());
        assertEquals("kicked", kicked.events("closed").get(0).get("reason").asText(), kicked.describe());
        Proc back = join("p13", code, false, "--auto");
        assertTrue(back.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), back.describe());
        assertEquals(ExitCodes.KICKED, back.process().exitValue(), back.describe());

        players.put("p07", rejoined);
        players.remove("p13");
        host.send("resume");
        players.get("p00").send("2");
        players.get("p00").send("3");
        for (Proc player : players.values()) {
            assertTrue(player.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), player.describe());
            assertEquals(ExitCodes.OK, player.process().exitValue(), player.describe());
        }
        assertTrue(host.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), host.describe());
        assertEquals(ExitCodes.OK, host.process().exitValue(), host.describe());

        // Every score from the player's own verdicts (p07's from both of its processes), every rank from the scores.
        Map<String, Long> scores = new HashMap<>();
        for (Map.Entry<String, Proc> player : players.entrySet()) {
            List<JsonNode> verdicts = new ArrayList<>(player.getKey().equals("p07") ? killed.events("verdict") : List.of());
            verdicts.addAll(player.getValue().events("verdict"));
            assertEquals(ROUNDS, verdicts.size(), player.getValue().describe());
            long sum = verdicts.stream().mapToLong(v -> v.get("points").asLong()).sum();
            JsonNode summary = player.getValue().events("summary").get(0);
            assertEquals(sum, summary.get("score").asLong(), player.getValue().describe());
            assertEquals(sum, verdicts.get(verdicts.size() - 1).get("score").asLong(), player.getValue().describe());
            assertTrue(summary.get("final").asBoolean(), player.getValue().describe());
            scores.put(player.getKey(), sum);
        }
        assertEquals(scoreBefore, killed.events("verdict").get(0).get("score").asLong());
        assertTrue(scores.get("p07") >= scoreBefore, "the rejoiner kept its score");
        for (Map.Entry<String, Proc> player : players.entrySet()) {
            long score = scores.get(player.getKey());
            long rank = 1 + scores.values().stream().filter(other -> other > score).count();
            JsonNode summary = player.getValue().events("summary").get(0);
            assertEquals(rank, summary.get("rank").asLong(), player.getKey() + " " + scores);
            assertEquals(PLAYERS - 1, summary.get("players").asLong(), player.getValue().describe());
        }
        JsonNode last = host.events("standings").get(host.events("standings").size() - 1);
        assertTrue(last.get("final").asBoolean(), host.describe());
        for (JsonNode entry : last.get("entries")) {
            String name = entry.get("name").asText();
            assertEquals(scores.get(name), entry.get("score").asLong(), name);
            assertEquals(1 + scores.values().stream().filter(other -> other > scores.get(name)).count(),
                    entry.get("rank").asLong(), name);
        }
        assertEquals("game_over", host.events("closed").get(0).get("reason").asText());
        assertFalse(Files.exists(dir.resolve("seats-p00").resolve(code)), "the seat token is gone with the game");
    }

    /** One solo session that archives the classes a client loads (a JVM that cannot goes on without). */
    private void trainClientArchive(int port) throws Exception {
        Path archive = dir.resolve("client.jsa");
        Proc training = start("training", false, QuizMain.class, "-XX:ArchiveClassesAtExit=" + archive, "play", "--auto",
                "--rounds", "1", "--port", Integer.toString(port), "--cafile", ca(), "--output", "json");
        assertTrue(training.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), training.describe());
        assertEquals(1, training.events("summary").size(), training.describe());
        if (training.process().exitValue() == ExitCodes.OK && Files.exists(archive)) {
            clientArchive.add("-XX:SharedArchiveFile=" + archive);
        }
    }

    /** Fails at once when a player ended before the game did: waiting on would only time out. */
    private static boolean noneEnded(Map<String, Proc> players) {
        String ended = ended(players);
        if (!ended.isEmpty()) {
            throw new AssertionError("players ended before the game:\n" + ended);
        }
        return true;
    }

    /** What the players that ended already wrote: none should end before the game does. */
    private static String ended(Map<String, Proc> players) {
        StringBuilder ended = new StringBuilder();
        players.values().stream().filter(p -> !p.process().isAlive()).forEach(p -> ended.append(p.describe()));
        return ended.toString();
    }

    @Test
    void hostModes_whenTokenCertificateOrAnyone_thenOnlyWhoTheServerAllowsOpensARoom() throws Exception {
        // token (the default): no token, a wrong one, then the server's own.
        int tokenPort = startServer();
        Path wrongToken = dir.resolve("wrong-token");
        Files.writeString(wrongToken, "not-the-token\n");
        Files.setPosixFilePermissions(wrongToken, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertHostRefused(host("no-token", tokenPort), "HOST_REFUSED");
        assertHostRefused(host("wrong-token", tokenPort, "--token-file", wrongToken.toString()), "HOST_REFUSED");
        assertHostOpensARoom(host("token", tokenPort, "--token-file",
                dir.resolve("certs").resolve("host-token").toString()));

        // cert: only a certificate issued with --role host; a player's certificate, or none, is refused.
        issueClientCertificate("alice", "--role", "host");
        issueClientCertificate("bob");
        int certPort = startServer("--room-hosts", "cert", "--client-auth", "optional");
        assertHostRefused(host("no-cert", certPort), "HOST_REFUSED");
        assertHostRefused(host("player-cert", certPort, "--cert", clientFile("bob.pem"), "--key",
                clientFile("bob.key")), "HOST_REFUSED");
        assertHostOpensARoom(host("host-cert", certPort, "--cert", clientFile("alice.pem"), "--key",
                clientFile("alice.key")));

        // anyone: a demo on one machine, no token, no certificate.
        int anyonePort = startServer("--room-hosts", "anyone");
        assertHostOpensARoom(host("anyone", anyonePort));
    }

    private Proc host(String name, int port, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("host", "--port", Integer.toString(port), "--cafile", ca(),
                "--name", "teacher", "--rounds", "1", "--output", "json", "--connect-timeout", "5m"));
        args.addAll(List.of(extra));
        return start("host-" + name, true, QuizMain.class, args.toArray(String[]::new));
    }

    private void assertHostRefused(Proc host, String error) throws InterruptedException {
        assertTrue(host.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), host.describe());
        assertEquals(ExitCodes.ROOM_REFUSED, host.process().exitValue(), host.describe());
        assertEquals(error, host.events("error").get(0).get("name").asText(), host.describe());
        assertTrue(host.events("room").isEmpty(), host.describe());
    }

    private void assertHostOpensARoom(Proc host) throws Exception {
        Conditions.await(() -> "the host's room event\n" + host.describe(), WAIT, () -> !host.events("room").isEmpty()
                || !host.process().isAlive());
        assertFalse(host.events("room").isEmpty(), host.describe());
        host.send("end");
        assertTrue(host.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), host.describe());
        assertEquals(ExitCodes.OK, host.process().exitValue(), host.describe());
    }

    private void issueClientCertificate(String name, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("certs", "client", name, "--certs-dir",
                dir.resolve("certs").toString()));
        args.addAll(List.of(extra));
        Proc issue = start("certs-" + name, false, QuizServerMain.class, args.toArray(String[]::new));
        assertTrue(issue.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), issue.describe());
        assertEquals(0, issue.process().exitValue(), issue.describe());
    }

    private String clientFile(String file) {
        return dir.resolve("certs").resolve("clients").resolve(file).toString();
    }

    private String ca() {
        return dir.resolve("certs").resolve("ca.pem").toString();
    }

    private int startServer(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--certs-dir",
                dir.resolve("certs").toString(), "--room-reveal-time", "300ms", "--room-lobby-interval", "200ms",
                "--shutdown-grace", "1s", "--data-dir", dir.resolve("data").toString()));
        args.addAll(List.of(extra));
        Proc server = start("server-" + processes.size(), false, QuizServerMain.class, args.toArray(String[]::new));
        int[] port = new int[1];
        Conditions.await(() -> "the server's listening line\n" + server.describe(), WAIT, () -> {
            Matcher listening = LISTENING.matcher(server.stdout().lines().findFirst().orElse(""));
            if (listening.matches()) {
                port[0] = Integer.parseInt(listening.group(1));
            }
            // Hosting by token (the default), the token file is there before the server listens.
            return port[0] != 0 && (List.of(extra).contains("--room-hosts")
                    || Files.exists(dir.resolve("certs").resolve("host-token")));
        });
        return port[0];
    }

    private Proc join(String name, String code, boolean stdinPiped, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("join", code.toLowerCase(java.util.Locale.ROOT).replace("-", ""),
                "--port", portOf(), "--cafile", ca(), "--name", name, "--output", "json", "--connect-timeout", "5m"));
        if (List.of(extra).stream().noneMatch("--seat-dir"::equals)) {
            args.addAll(List.of("--seat-dir", dir.resolve("seats-" + name).toString()));
        }
        args.addAll(List.of(extra));
        return start(name + "-" + processes.size(), stdinPiped, QuizMain.class, args.toArray(String[]::new));
    }

    private String portOf() {
        Matcher listening = LISTENING.matcher(processes.get(0).stdout().lines().findFirst().orElse(""));
        if (!listening.matches()) {
            throw new IllegalStateException("no server port");
        }
        return listening.group(1);
    }

    private Proc start(String name, boolean stdinPiped, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LIGHT_JVM);
        List<String> arguments = new ArrayList<>(List.of(args));
        // JVM options first in args (the training run's): they go before the class.
        while (!arguments.isEmpty() && arguments.get(0).startsWith("-XX:")) {
            command.add(arguments.remove(0));
        }
        if (main == QuizMain.class) {
            command.addAll(clientArchive);
        }
        command.addAll(List.of("-cp", classPath(), main.getName()));
        command.addAll(arguments);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HOME", dir.resolve("home-" + name).toString());
        if (!stdinPiped) {
            builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        Proc proc = new Proc(name, builder.start(), out, err);
        processes.add(proc);
        return proc;
    }

    /**
     * The test's class path for the children, each folder of classes packed into a jar: a class-data archive
     * takes jars only. Test classes stay out; the programs' own classes are all in jars then.
     */
    private String classPath() throws IOException {
        if (childClassPath == null) {
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path path = Path.of(entry);
                if (!Files.isDirectory(path)) {
                    entries.add(entry);
                } else if (!path.getFileName().toString().equals("test-classes")) {
                    entries.add(jarOf(path, dir.resolve("classes-" + entries.size() + ".jar")).toString());
                }
            }
            childClassPath = String.join(java.io.File.pathSeparator, entries);
        }
        return childClassPath;
    }

    private static Path jarOf(Path folder, Path jar) throws IOException {
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A process of the test, its stdout and stderr in files. */
    private record Proc(String name, Process process, Path out, Path err) {

        String stdout() {
            try {
                return Files.readString(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The JSON events of {@code type} it has written so far (whole lines only). */
        List<JsonNode> events(String type) {
            List<JsonNode> events = new ArrayList<>();
            String text = stdout();
            int end = text.lastIndexOf('\n');
            for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
                try {
                    JsonNode event = JSON.readTree(line);
                    if (event.path("type").asText().equals(type)) {
                        events.add(event);
                    }
                } catch (IOException e) {
                    throw new AssertionError(name + " wrote a line that is not JSON: " + line, e);
                }
            }
            return events;
        }

        void send(String line) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        String describe() {
            try {
                return "--- " + name + " (" + (process.isAlive() ? "running" : "exit " + process.exitValue())
                        + ")\n" + stdout() + "--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return name + ": " + e;
            }
        }
    }
}
