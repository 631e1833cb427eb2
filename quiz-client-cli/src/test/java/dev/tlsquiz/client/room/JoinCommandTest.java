package dev.tlsquiz.client.room;

import static dev.tlsquiz.tls.testing.HostileText.assertNothingForTheTerminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.RawTlsServer;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Join;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.tls.testing.HostileText;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quiz join} against a scripted room over real TLS: the events a script reads, the seat token kept
 * and forgotten, the refusals' exit codes, and a server whose names and messages are hostile.
 */
class JoinCommandTest {

    private static final List<Standings.Entry> TOP = List.of(new Standings.Entry(1, "bo", 200),
            new Standings.Entry(1, "carol", 200));

    @TempDir
    Path dir;

    private TestPki pki;
    private Path seats;

    @BeforeEach
    void setUp() {
        pki = TestPki.create(dir);
        seats = dir.resolve("home").resolve(".tlsquiz").resolve("rooms");
    }

    private String[] args(RawTlsServer server, String... extra) {
        List<String> args = new ArrayList<>(List.of("join", "k7q2mf", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--cafile", pki.caCert().toString(), "--known-hosts",
                dir.resolve("kh").toString(), "--seat-dir", seats.toString(), "--name", "ada"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void auto_whenTheRoomPlaysTwoQuestions_thenJsonEventsInOrderAndTheRankInTheSummary() throws Exception {
        Queue<QuizMessage> received = FakeRoomSession.newQueue();
        try (RawTlsServer server = RawTlsServer.speaking(pki,
                () -> new FakeRoomSession(received, List.of("ada", "bo", "carol"), TOP, true))) {

            ClientResult result = Clients.run(args(server, "--auto", "--output", "json"));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            List<String> types = result.jsonLines().stream().map(event -> event.get("type").asText()).toList();
            assertEquals(List.of("room", "lobby", "problem", "progress", "verdict", "standings", "problem", "progress",
                    "verdict", "standings", "summary"), types, result.toString());
            JsonNode room = result.events("room").get(0);
            assertEquals("K7Q-2MF", room.get("code").asText());
            assertEquals("player", room.get("role").asText());
            assertFalse(room.has("seatToken"), "the token is a secret: " + room);
            assertFalse(result.out().contains(FakeRoomSession.TOKEN), result.toString());
            JsonNode summary = result.events("summary").get(0);
            assertEquals(200, summary.get("score").asInt());
            assertEquals(3, summary.get("rank").asInt());
            assertTrue(summary.get("final").asBoolean());
            assertEquals(List.of("7", "2"), answers(received));
            Join join = assertInstanceOf(Join.class, received.peek());
            assertEquals("K7Q-2MF", join.code(), "the canonical code is sent");
            assertEquals("", join.seatToken(), "a first join has no token");
            // The game is over: the seat cannot be taken back, so its token is gone.
            assertFalse(Files.exists(seats.resolve("K7Q-2MF")));
        }
    }

    @Test
    void join_whenATokenIsKept_thenItIsSentAndTheRoomEventSaysRejoined() throws Exception {
        new SeatTokens(seats).store("K7Q-2MF", "kept-token");
        Queue<QuizMessage> received = FakeRoomSession.newQueue();
        try (RawTlsServer server = RawTlsServer.speaking(pki,
                () -> new FakeRoomSession(received, List.of("ada"), TOP, true))) {

            ClientResult result = Clients.run(args(server, "--auto", "--output", "json"));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            assertEquals("kept-token", ((Join) received.peek()).seatToken());
            assertTrue(result.events("room").get(0).get("rejoined").asBoolean(), result.toString());
        }
    }

    @Test
    void text_whenTheRoomPlays_thenLobbyWaitingStandingsWithOwnLineAndRank() throws Exception {
        Queue<QuizMessage> received = FakeRoomSession.newQueue();
        try (RawTlsServer server = RawTlsServer.speaking(pki,
                () -> new FakeRoomSession(received, List.of("ada", "bo", "carol"), TOP, true))) {

            ClientResult result = Clients.run(args(server, "--auto"));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            String out = result.out();
            assertTrue(out.contains("You are in room K7Q-2MF as ada, hosted by the host"), out);
            assertEquals(1, out.lines().filter(line -> line.equals("Lobby: 3 players: ada, bo, carol")).count(), out);
            assertTrue(out.contains("answer sent \u2014 waiting for the others"), out);
            assertTrue(out.contains("Final standings (3 players)"), out);
            // Outside the top entries: a gap, then the player's own line, marked.
            assertTrue(out.contains("\u22EE"), out);
            assertTrue(out.lines().anyMatch(line -> line.startsWith("\u25B6") && line.contains("3.")
                    && line.contains("ada") && line.contains("\u2190 you")), out);
            assertTrue(out.contains("Game over: you finished 3rd of 3 players with 200 points."), out);
        }
    }

    @Test
    void hostile_whenNamesAndLobbyHoldEscapes_thenNothingReachesTheTerminalRaw() throws Exception {
        List<String> names = List.of(HostileText.wrap("name"), HostileText.CLEAR_SCREEN + "bo", "ada");
        List<Standings.Entry> entries = List.of(new Standings.Entry(1, HostileText.wrap("top"), 200));
        try (RawTlsServer server = RawTlsServer.speaking(pki,
                () -> new FakeRoomSession(FakeRoomSession.newQueue(), names, entries, true))) {

            ClientResult result = Clients.run(args(server, "--auto"));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            assertNothingForTheTerminal(result.out());
            assertNothingForTheTerminal(result.err());
            // Shown as visible escapes (and cut to the table's width).
            assertTrue(result.out().contains("\\x1b[2J\\x1b[Hbo"), HostileText.visible(result.out()));

            ClientResult json = Clients.run(args(server, "--auto", "--output", "json"));
            assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
            assertNothingForTheTerminal(json.out());
            // Scripts get the exact names, escaped the JSON way.
            assertEquals(HostileText.wrap("name"), json.events("lobby").get(0).get("names").get(0).asText());
            assertEquals(HostileText.wrap("top"),
                    json.events("standings").get(0).get("entries").get(0).get("name").asText());
        }
    }

    @Test
    void hostile_whenTheLobbyHoldsThousandsOfNames_thenTheTextShowsTheNewestAndACount() throws Exception {
        List<String> names = IntStream.range(0, 1_000).mapToObj(i -> "player-" + i + "-" + "x".repeat(200)).toList();
        try (RawTlsServer server = RawTlsServer.speaking(pki,
                () -> new FakeRoomSession(FakeRoomSession.newQueue(), names.subList(0, 70), TOP, true))) {

            ClientResult result = Clients.run(args(server, "--auto"));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            String lobby = result.out().lines().filter(line -> line.startsWith("Lobby:")).findFirst().orElseThrow();
            assertTrue(lobby.endsWith("and 50 more"), lobby);
            assertTrue(lobby.length() < 1_000, "one bounded line: " + lobby.length());
        }
    }

    @Test
    void hostile_whenStandingsHaveNoOwnLine_thenOnlyTheTopIsShownAndTheSummaryHasNoRank() throws Exception {
        try (RawTlsServer server = RawTlsServer.speaking(pki,
                () -> new FakeRoomSession(FakeRoomSession.newQueue(), List.of("ada", "bo"), TOP, false))) {

            ClientResult text = Clients.run(args(server, "--auto"));
            ClientResult json = Clients.run(args(server, "--auto", "--output", "json"));

            assertEquals(ExitCodes.OK, text.exitCode(), text.toString());
            assertFalse(text.out().contains("\u2190 you"), text.out());
            assertTrue(text.out().contains("the server sent no rank"), text.out());
            assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
            assertTrue(json.events("summary").get(0).get("rank").isNull(), json.toString());
            assertTrue(json.events("standings").get(0).get("ownRank").isNull(), json.toString());
        }
    }

    @Test
    void refused_whenTheRoomIsNotFound_thenExitCodeSixAndTheKeptTokenIsForgotten() throws Exception {
        new SeatTokens(seats).store("K7Q-2MF", "stale-token");
        try (RawTlsServer server = RawTlsServer.speaking(pki,
                () -> new Refusing(ErrorCode.ROOM_NOT_FOUND, "no room K7Q-2MF"))) {

            ClientResult result = Clients.run(args(server, "--auto", "--output", "json"));

            assertEquals(ExitCodes.ROOM_NOT_FOUND, result.exitCode(), result.toString());
            assertEquals("ROOM_NOT_FOUND", result.events("error").get(0).get("name").asText());
            assertFalse(Files.exists(seats.resolve("K7Q-2MF")));
        }
    }

    @Test
    void refused_whenKickedOrNameTaken_thenTheirExitCodes() throws Exception {
        try (RawTlsServer kicked = RawTlsServer.speaking(pki, () -> new Refusing(ErrorCode.KICKED, "kicked"));
             RawTlsServer taken = RawTlsServer.speaking(pki, () -> new Refusing(ErrorCode.NAME_TAKEN, ""))) {

            ClientResult kickedResult = Clients.run(args(kicked, "--auto"));
            ClientResult takenResult = Clients.run(args(taken, "--auto"));

            assertEquals(ExitCodes.KICKED, kickedResult.exitCode(), kickedResult.toString());
            assertTrue(kickedResult.err().contains("cannot join room K7Q-2MF: kicked (KICKED)"), kickedResult.toString());
            assertEquals(ExitCodes.ROOM_REFUSED, takenResult.exitCode(), takenResult.toString());
            // The server said nothing: the client's own advice.
            assertTrue(takenResult.err().contains("choose another --name"), takenResult.toString());
        }
    }

    @Test
    void tokenFile_whenTheServerGivesATokenAndTheGameGoesOn_thenItIsKeptPrivately() throws Exception {
        // The answers run out after the first question: the player leaves, and the seat stays theirs.
        Path answers = Files.writeString(dir.resolve("answers.txt"), "7\n");
        try (RawTlsServer server = RawTlsServer.speaking(pki, () -> new LeavesAfterBye())) {

            ClientResult result = Clients.run(args(server, "--answers", answers.toString()));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            Path token = seats.resolve("K7Q-2MF");
            assertEquals(FakeRoomSession.TOKEN, Files.readString(token).strip());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(seats)));
            assertTrue(result.out().contains("scripts/quiz join K7Q-2MF takes it back"), result.toString());
        }
    }

    @Test
    void usage_whenTheCodeIsNoCode_thenExitTwoBeforeConnecting() {
        ClientResult result = Clients.run("join", "K0Q-2MF", "--port", "1");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("is not a room code"), result.toString());
    }

    private static List<String> answers(Queue<QuizMessage> received) {
        return received.stream().filter(Answer.class::isInstance).map(m -> ((Answer) m).text()).toList();
    }

    /** Answers JOIN with an ERROR and closes. */
    private static final class Refusing extends SimpleChannelInboundHandler<QuizMessage> {
        private final ErrorCode code;
        private final String message;

        Refusing(ErrorCode code, String message) {
            this.code = code;
            this.message = message;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage msg) {
            if (msg instanceof Join) {
                ctx.writeAndFlush(new ErrorMessage(code, message)).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /** The scripted room, which answers a BYE with the summary so far, as a room does for a player who leaves. */
    private static final class LeavesAfterBye extends FakeRoomSession {
        LeavesAfterBye() {
            super(FakeRoomSession.newQueue(), List.of("ada", "bo"), TOP, true);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
            if (message instanceof dev.tlsquiz.codec.Bye) {
                ctx.writeAndFlush(new dev.tlsquiz.codec.Summary(1, 1, 1, 100, 1_000))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            super.channelRead0(ctx, message);
        }
    }
}
