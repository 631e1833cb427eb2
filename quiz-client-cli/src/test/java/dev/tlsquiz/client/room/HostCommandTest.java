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
import dev.tlsquiz.codec.BankPart;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Host;
import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Notice;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuestionSource;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomCloseReason;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.RoomRole;
import dev.tlsquiz.codec.RoomState;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.tls.testing.HostileText;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quiz host} against a scripted room over real TLS: what HOST and BANK_PART carry, commands from
 * stdin, {@code --start-when}, the JSON events, and what is refused before connecting (a bank with errors,
 * a token file others can read).
 */
class HostCommandTest {

    private static final String SECRET = "host-token-0123456789abcdefghijklmnopqrstuv";

    @TempDir
    Path dir;

    private TestPki pki;
    private Path tokenFile;

    @BeforeEach
    void setUp() throws Exception {
        pki = TestPki.create(dir);
        tokenFile = dir.resolve("host-token");
        Files.writeString(tokenFile, SECRET + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
    }

    private String[] args(int port, String... extra) {
        List<String> args = new ArrayList<>(List.of("host", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--cafile", pki.caCert().toString(), "--known-hosts", dir.resolve("kh").toString(),
                "--token-file", tokenFile.toString(), "--name", "teacher"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void startWhen_whenEnoughPlayersAreIn_thenStartIsSentAndTheGameIsShownToItsEnd() throws Exception {
        Queue<QuizMessage> received = new ConcurrentLinkedQueue<>();
        try (RawTlsServer server = RawTlsServer.speaking(pki, () -> new ScriptedRoom(received, "bo"))) {

            ClientResult result = Clients.run(new ByteArrayInputStream(new byte[0]), false,
                    args(server.port(), "--start-when", "2", "--ops", "add,mul", "--digits", "3", "--rounds", "4",
                            "--time-limit", "45s", "--seed", "7", "--no-late-join", "--output", "json"));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            List<String> types = result.jsonLines().stream().map(event -> event.get("type").asText()).toList();
            assertEquals(List.of("room", "lobby", "lobby", "progress", "standings", "closed"), types, result.toString());
            JsonNode room = result.events("room").get(0);
            assertEquals("K7Q-2MF", room.get("code").asText());
            assertEquals("host", room.get("role").asText());
            assertTrue(room.get("joinCommand").asText().startsWith("scripts/quiz join K7Q-2MF --host 127.0.0.1 --port "
                    + server.port() + " --pin SHA256:"), room.toString());
            assertEquals("game_over", result.events("closed").get(0).get("reason").asText());
            assertTrue(result.events("standings").get(0).get("ownRank").isNull());

            Host host = assertInstanceOf(Host.class, received.poll());
            assertEquals(SECRET, host.token());
            assertEquals(QuestionSource.ARITHMETIC, host.source());
            assertEquals("+*", host.operations());
            assertEquals(3, host.digits());
            assertEquals(4, host.rounds());
            assertEquals(45_000, host.timeLimitMillis());
            assertTrue(host.seeded());
            assertEquals(7, host.seed());
            assertFalse(host.lateJoin());
            assertEquals(HostCommand.of(HostCommand.Action.START), received.poll(), "start once 2 were in");
            assertFalse(result.out().contains(SECRET) || result.err().contains(SECRET), "the token is never shown");
        }
    }

    @Test
    void commands_whenLinesComeOnStdin_thenEachIsSentAndAWrongOneIsNamed() throws Exception {
        Queue<QuizMessage> received = new ConcurrentLinkedQueue<>();
        String script = "KICK  bo the second\nbogus\nkick\n\nend\n";
        try (RawTlsServer server = RawTlsServer.speaking(pki, () -> new ScriptedRoom(received, "bo"))) {

            ClientResult result = Clients.run(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), false,
                    args(server.port()));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            List<HostCommand> commands = received.stream().filter(HostCommand.class::isInstance)
                    .map(HostCommand.class::cast).toList();
            assertEquals(List.of(new HostCommand(HostCommand.Action.KICK, "bo the second"),
                    HostCommand.of(HostCommand.Action.END)), commands);
            assertTrue(result.err().contains("unknown command 'bogus'"), result.toString());
            assertTrue(result.err().contains("kick whom?"), result.toString());
            assertTrue(result.out().contains("K 7 Q - 2 M F"), result.toString());
            assertTrue(result.out().contains("Players join with:"), result.toString());
            assertTrue(result.out().contains("Room closed: the host ended the game"), result.toString());
        }
    }

    @Test
    void bank_whenValid_thenSentInPiecesThatMakeTheFile() throws Exception {
        StringBuilder gift = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            gift.append("::q").append(i).append(":: Quelle est la capitale de la France \uD83E\uDD8A ").append(i)
                    .append("? {=Paris ~Lyon ~Marseille}\n\n");
        }
        Path bank = Files.writeString(dir.resolve("capitals.gift"), gift.toString());
        Queue<QuizMessage> received = new ConcurrentLinkedQueue<>();
        try (RawTlsServer server = RawTlsServer.speaking(pki, () -> new ScriptedRoom(received, "bo"))) {

            ClientResult result = Clients.run(new ByteArrayInputStream("end\n".getBytes(StandardCharsets.UTF_8)),
                    false, args(server.port(), "--bank", bank.toString(), "--order", "in-order"));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            Host host = (Host) received.peek();
            assertEquals(QuestionSource.GIFT_BANK, host.source());
            assertEquals(Files.size(bank), host.bankBytes());
            List<BankPart> parts = received.stream().filter(BankPart.class::isInstance).map(BankPart.class::cast)
                    .toList();
            assertTrue(parts.size() > 1, "pieces: " + parts.size());
            assertEquals(gift.toString(), String.join("", parts.stream().map(BankPart::text).toList()));
        }
    }

    @Test
    void bank_whenItHasErrors_thenTheyAreListedAndNothingConnects() throws Exception {
        Path bank = Files.writeString(dir.resolve("broken.gift"), "::q1:: What? {=yes ~no\n");

        ClientResult result = Clients.run(args(1, "--bank", bank.toString()));

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("broken.gift:1"), result.toString());
        assertTrue(result.err().contains("fix them and host again"), result.toString());
    }

    @Test
    void tokenFile_whenOthersCanReadIt_thenRefusedWithoutShowingTheToken() throws Exception {
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));

        ClientResult result = Clients.run(args(1));

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("can be read by other users"), result.toString());
        assertTrue(result.err().contains("chmod 600"), result.toString());
        assertFalse(result.err().contains(SECRET) || result.out().contains(SECRET), result.toString());
    }

    @Test
    void refused_whenTheServerRefusesTheHost_thenExitEightAndWhatToDo() throws Exception {
        try (RawTlsServer server = RawTlsServer.speaking(pki, Refusing::new)) {

            ClientResult result = Clients.run(args(server.port()));

            assertEquals(ExitCodes.ROOM_REFUSED, result.exitCode(), result.toString());
            assertTrue(result.err().contains("--token-file"), result.toString());
        }
    }

    @Test
    void hostile_whenNoticesAndNamesHoldEscapes_thenShownAsVisibleEscapes() throws Exception {
        Queue<QuizMessage> received = new ConcurrentLinkedQueue<>();
        try (RawTlsServer server = RawTlsServer.speaking(pki,
                () -> new ScriptedRoom(received, HostileText.wrap("bo")))) {

            ClientResult result = Clients.run(new ByteArrayInputStream("next\nend\n".getBytes(StandardCharsets.UTF_8)),
                    false, args(server.port()));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            assertNothingForTheTerminal(result.out());
            assertNothingForTheTerminal(result.err());
            assertTrue(result.err().contains("notice\\u202eevil"), HostileText.visible(result.err()));
        }
    }

    @Test
    void reclaim_whenGiven_thenHostCarriesTheCanonicalCodeAndNoSettings() throws Exception {
        Queue<QuizMessage> received = new ConcurrentLinkedQueue<>();
        try (RawTlsServer server = RawTlsServer.speaking(pki, () -> new ScriptedRoom(received, "bo"))) {

            ClientResult result = Clients.run(new ByteArrayInputStream("end\n".getBytes(StandardCharsets.UTF_8)),
                    false, args(server.port(), "--reclaim", "k7q2mf"));

            assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
            Host host = (Host) received.peek();
            assertEquals(Host.reclaim("teacher", "K7Q-2MF", SECRET), host);
        }
    }

    /**
     * A room for the host: HOST gets WELCOME, ROOM and a LOBBY of one player, then one of two; START gets
     * PROGRESS, final STANDINGS and ROOM_CLOSED (game over); END gets ROOM_CLOSED (ended by the host); NEXT
     * gets a NOTICE of hostile text. Everything the client sent is kept.
     */
    private static final class ScriptedRoom extends SimpleChannelInboundHandler<QuizMessage> {
        private final Queue<QuizMessage> received;
        private final String player;

        ScriptedRoom(Queue<QuizMessage> received, String player) {
            this.received = received;
            this.player = player;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
            received.add(message);
            if (message instanceof Host host) {
                ctx.write(new Welcome(Protocol.VERSION, 5, 4, 45_000, host.hostName(), "fake-room"));
                ctx.write(new Room("K7Q-2MF", RoomRole.HOST, "", RoomState.LOBBY, 0, host.hostName(), true));
                ctx.write(new Lobby(RoomState.LOBBY, 1, List.of(player)));
                ctx.writeAndFlush(new Lobby(RoomState.LOBBY, 2, List.of("carol", player)));
            } else if (message instanceof HostCommand command) {
                switch (command.action()) {
                    case START -> {
                        ctx.write(new Progress(1, 2, 2));
                        ctx.write(new Standings(1, 1, 1, true, 2, List.of(new Standings.Entry(1, player, 100),
                                new Standings.Entry(2, "carol", 0)), 0, 0));
                        ctx.writeAndFlush(new RoomClosed(RoomCloseReason.GAME_OVER, "game over"))
                                .addListener(ChannelFutureListener.CLOSE);
                    }
                    case END -> ctx.writeAndFlush(new RoomClosed(RoomCloseReason.HOST_ENDED, "ended"))
                            .addListener(ChannelFutureListener.CLOSE);
                    case NEXT -> ctx.writeAndFlush(new Notice(ErrorCode.UNEXPECTED_MESSAGE, HostileText.wrap("notice")));
                    default -> {
                    }
                }
            }
        }
    }

    private static final class Refusing extends SimpleChannelInboundHandler<QuizMessage> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage msg) {
            if (msg instanceof Host) {
                ctx.writeAndFlush(new ErrorMessage(ErrorCode.HOST_REFUSED, "wrong token"))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
