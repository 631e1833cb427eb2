package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.Question;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomCloseReason;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.RoomRole;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.server.config.RoomHosts;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.server.quiz.ScoringRule;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.ResultSink;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live rooms over real TLS on loopback, with the codec spoken directly: a host and many players in
 * one process play whole games, and every score, rank and reveal is checked.
 */
class RoomServerTest {

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static EventLoopGroup clientGroup;
    private static ClientTls tls;

    private final List<GameRecord> kept = new CopyOnWriteArrayList<>();
    /** A store that takes no new games (its queue is full), when false. */
    private volatile boolean storeAccepting = true;
    /** A store that never answers (down, with the writer retrying), when true. */
    private volatile boolean storeHangs;
    private final ResultSink results = new ResultSink() {
        @Override
        public CompletionStage<Void> gameEnded(GameRecord game) {
            kept.add(game);
            return storeHangs ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean accepting() {
            return storeAccepting;
        }
    };
    private QuizServer server;
    private ServerConfig config;
    private String token;

    @BeforeAll
    static void setUp() throws Exception {
        pki = TestPki.create(dir.resolve("pki"));
        clientGroup = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        tls = TestServers.clientTls(pki);
    }

    @AfterAll
    static void tearDown() {
        clientGroup.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        tls.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A server with its own TLS from the test PKI, hosting by token (created in a fresh certs folder). */
    private void start(java.util.function.UnaryOperator<ServerConfig.Builder> change) throws Exception {
        Path certs = Files.createTempDirectory(dir, "certs");
        config = change.apply(TestServers.config()
                .listening(x -> x.withBindAddress("127.0.0.1"))
                .tls(x -> x.withCertsDir(certs).withCertificate(pki.serverCert(), pki.serverKey()))
                .rooms(r -> r.withRevealTime(Duration.ofMillis(20)).withLobbyInterval(Duration.ofMillis(50)))
                // Long enough that no question closes by itself on a loaded machine while a test plays it.
                .game(g -> g.withTimeLimit(Duration.ofSeconds(60)))
                .timeouts(t -> t.withIdleTimeout(Duration.ofSeconds(90))))
                .build();
        server = QuizServer.builder(config).results(results).start();
        Path tokenFile = certs.resolve("host-token");
        token = Files.exists(tokenFile) ? Files.readString(tokenFile).strip() : "";
    }

    private RoomTestClient connect() throws InterruptedException {
        return RoomTestClient.connect(clientGroup, tls, server.localAddress());
    }

    private RoomTestClient openRoom(int rounds) throws InterruptedException {
        RoomTestClient host = connect();
        host.open(RoomTestClient.host("teacher", token, rounds, true));
        assertEquals(RoomRole.HOST, host.room.role());
        return host;
    }

    /** Waits until the host's PROGRESS says {@code answered} players have answered the open question. */
    private static void awaitAnswered(RoomTestClient host, long answered) throws InterruptedException {
        while (host.nextOf(Progress.class).answered() < answered) {
            // Coalesced: counts only go up while a question is open.
        }
    }

    @Test
    void fortyPlayers_playAGame_andEveryScoreAndRankMatchesARecomputation() throws Exception {
        start(c -> c);
        int rounds = 3;
        int count = 40;
        try (RoomTestClient host = openRoom(rounds)) {
            String code = host.room.code();
            assertTrue(code.matches("[2-9A-HJ-NP-TV-Z]{3}-[2-9A-HJ-NP-TV-Z]{3}"), code);
            List<RoomTestClient> players = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    RoomTestClient player = connect();
                    // Codes are typed loosely: lower case, no dash.
                    Room room = player.join(i % 2 == 0 ? code : code.replace("-", "").toLowerCase(),
                            String.format("p%02d", i), "");
                    assertEquals(RoomRole.PLAYER, room.role());
                    assertFalse(room.seatToken().isEmpty());
                    players.add(player);
                }
                host.send(HostCommand.of(HostCommand.Action.START));
                ProblemSource questions = TestServers.expectedQuestions(config);
                Map<String, Long> pointsSum = new HashMap<>();
                Map<String, Integer> streaks = new HashMap<>();
                for (int round = 1; round <= rounds; round++) {
                    Question question = questions.next();
                    int answering = 0;
                    for (int i = 0; i < count; i++) {
                        Problem problem = players.get(i).next(Problem.class);
                        assertEquals(question.text(), problem.text());
                        assertEquals(round, problem.problemId());
                        if (silent(i, round)) {
                            continue;
                        }
                        answering++;
                        players.get(i).send(new Answer(problem.problemId(),
                                right(i, round) ? question.acceptedAnswers() : "-1"));
                    }
                    awaitAnswered(host, answering);
                    // Some stay silent: the host closes the question.
                    host.send(HostCommand.of(HostCommand.Action.NEXT));
                    for (int i = 0; i < count; i++) {
                        String name = String.format("p%02d", i);
                        Verdict verdict = players.get(i).next(Verdict.class);
                        Outcome expected = silent(i, round) ? Outcome.TIMEOUT
                                : right(i, round) ? Outcome.CORRECT : Outcome.WRONG;
                        assertEquals(expected, verdict.outcome(), name + " round " + round);
                        assertEquals(question.acceptedAnswers(), verdict.expected());
                        int streak = streaks.getOrDefault(name, 0);
                        if (expected == Outcome.CORRECT) {
                            long speed = verdict.points() - ScoringRule.BASE_POINTS - Math.min(
                                    ScoringRule.MAX_STREAK_BONUS, ScoringRule.STREAK_STEP * streak);
                            assertTrue(speed >= 0 && speed <= ScoringRule.MAX_SPEED_BONUS,
                                    name + ": points " + verdict.points() + " after a streak of " + streak);
                            streaks.put(name, streak + 1);
                        } else {
                            assertEquals(0, verdict.points());
                            streaks.put(name, 0);
                        }
                        pointsSum.merge(name, verdict.points(), Long::sum);
                        assertEquals(pointsSum.get(name), verdict.score());
                    }
                    List<Standings> standings = new ArrayList<>();
                    for (RoomTestClient player : players) {
                        standings.add(player.next(Standings.class));
                    }
                    checkStandings(standings, pointsSum, round, rounds);
                    Standings hostView = host.nextOf(Standings.class);
                    assertEquals(0, hostView.ownRank());
                    assertEquals(standings.get(0).entries(), hostView.entries());
                }
                for (int i = 0; i < count; i++) {
                    RoomTestClient player = players.get(i);
                    Summary summary = player.next(Summary.class);
                    assertEquals(pointsSum.get(String.format("p%02d", i)), summary.score());
                    assertEquals(rounds, summary.total());
                    assertEquals(RoomCloseReason.GAME_OVER, player.next(RoomClosed.class).reason());
                    player.client.assertClosedByServer();
                }
                assertEquals(RoomCloseReason.GAME_OVER, host.nextOf(RoomClosed.class).reason());
                host.client.assertClosedByServer();
                checkRecord(pointsSum, rounds);
            } finally {
                players.forEach(RoomTestClient::close);
            }
        }
    }

    private static boolean silent(int player, int round) {
        return (player + round) % 7 == 0;
    }

    private static boolean right(int player, int round) {
        return (player * 3 + round) % 4 != 0;
    }

    /** Every player's STANDINGS: their own rank and score, and the top 10, as recomputed from the verdicts. */
    private static void checkStandings(List<Standings> standings, Map<String, Long> scores, int round, int rounds) {
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> rankOf = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            long higher = 0;
            for (Map.Entry<String, Long> other : ranked) {
                if (other.getValue() > ranked.get(i).getValue()) {
                    higher++;
                }
            }
            rankOf.put(ranked.get(i).getKey(), higher + 1);
        }
        List<Standings.Entry> top = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map.Entry<String, Long> entry = ranked.get(i);
            top.add(new Standings.Entry(rankOf.get(entry.getKey()), entry.getKey(), entry.getValue()));
        }
        for (int i = 0; i < standings.size(); i++) {
            Standings own = standings.get(i);
            String name = String.format("p%02d", i);
            assertEquals(round, own.round());
            assertEquals(rounds, own.rounds());
            assertEquals(round == rounds, own.finalStandings());
            assertEquals(scores.size(), own.players());
            assertEquals(top, own.entries());
            assertEquals(rankOf.get(name), own.ownRank(), name);
            assertEquals(scores.get(name), own.ownScore(), name);
        }
    }

    /** The kept game: players in rank order with their scores, and answers whose points add up (speed within 1). */
    private void checkRecord(Map<String, Long> scores, int rounds) throws InterruptedException {
        Conditions.await("the game kept", QuizTestClient.TIMEOUT, () -> !kept.isEmpty());
        GameRecord game = kept.get(0);
        assertEquals(GameRecord.GameKind.ROOM, game.kind());
        assertEquals(rounds, game.questions().size());
        assertEquals(scores.size(), game.players().size());
        for (int i = 0; i < game.players().size(); i++) {
            PlayerRecord player = game.players().get(i);
            assertEquals(scores.get(player.name()), player.score(), player.name());
            long sum = 0;
            int streak = 0;
            List<AnswerRecord> answers = new ArrayList<>(game.answers().stream().filter(a -> a.player() == index(game, player)).toList());
            answers.sort(Comparator.comparingInt(AnswerRecord::question));
            assertEquals(rounds, answers.size());
            for (AnswerRecord answer : answers) {
                if (answer.outcome() == dev.tlsquiz.server.game.Judgement.CORRECT) {
                    long recomputed = ScoringRule.pointsForCorrect(Duration.ofMillis(answer.millis()),
                            config.game().timeLimit(), streak);
                    // The record keeps whole milliseconds; the server scored nanoseconds.
                    assertTrue(Math.abs(recomputed - answer.points()) <= 1, answer.toString());
                    streak++;
                } else {
                    assertEquals(0, answer.points());
                    streak = 0;
                }
                sum += answer.points();
            }
            assertEquals(player.score(), sum);
            if (i > 0) {
                assertTrue(game.players().get(i - 1).score() >= player.score());
            }
        }
    }

    private static int index(GameRecord game, PlayerRecord player) {
        return game.players().indexOf(player);
    }

    @Test
    void reveal_neverComesBeforeTheClose() throws Exception {
        start(c -> c);
        try (RoomTestClient host = openRoom(1); RoomTestClient ann = connect(); RoomTestClient bob = connect()) {
            String code = host.room.code();
            ann.join(code, "ann", "");
            bob.join(code, "bob", "");
            host.send(HostCommand.of(HostCommand.Action.START));
            Problem problem = ann.next(Problem.class);
            bob.next(Problem.class);
            ann.send(new Answer(problem.problemId(), "0"));
            awaitAnswered(host, 1);
            // The server has judged ann's answer (PROGRESS counts it) and must not have told her anything.
            for (Object message : ann.client.drainNow()) {
                assertTrue(message instanceof Lobby || message instanceof Progress, "before the close: " + message);
            }
            bob.send(new Answer(problem.problemId(), "0"));
            // Everyone answered: the question closes now, not at its 60 s limit.
            assertEquals(Outcome.WRONG, ann.next(Verdict.class).outcome());
            assertEquals(Outcome.WRONG, bob.next(Verdict.class).outcome());
        }
    }

    @Test
    void rejoin_withTheSeatToken_keepsTheScore_andGetsTheOpenQuestionWithTheTimeLeft() throws Exception {
        start(c -> c);
        try (RoomTestClient host = openRoom(3); RoomTestClient bob = connect()) {
            String code = host.room.code();
            RoomTestClient ann = connect();
            String seatToken = ann.join(code, "ann", "").seatToken();
            bob.join(code, "bob", "");
            host.send(HostCommand.of(HostCommand.Action.START));
            ProblemSource questions = TestServers.expectedQuestions(config);
            Problem first = ann.next(Problem.class);
            bob.next(Problem.class);
            ann.send(new Answer(first.problemId(), questions.next().acceptedAnswers()));
            bob.send(new Answer(first.problemId(), "-1"));
            long score = ann.next(Verdict.class).score();
            assertTrue(score >= 100);
            ann.next(Standings.class);
            ann.next(Problem.class);
            ann.close();
            // Dropped mid-question: the seat waits, with its score.
            RoomTestClient back = connect();
            try {
                Room room = back.join(code, "ann", seatToken);
                assertEquals(seatToken, room.seatToken());
                assertEquals(dev.tlsquiz.codec.RoomState.PLAYING, room.state());
                Standings standings = back.next(Standings.class);
                assertEquals(score, standings.ownScore());
                assertEquals(1, standings.ownRank());
                Problem again = back.next(Problem.class);
                assertEquals(2, again.problemId());
                assertTrue(again.timeLimitMillis() <= config.game().timeLimit().toMillis());
                back.send(new Answer(2, questions.next().acceptedAnswers()));
                bob.nextOf(Problem.class);
                bob.send(new Answer(2, "-1"));
                Verdict verdict = back.next(Verdict.class);
                assertEquals(Outcome.CORRECT, verdict.outcome());
                assertTrue(verdict.score() > score);
            } finally {
                back.close();
            }
        }
    }

    @Test
    void kickedPlayer_isToldAndCannotRejoin() throws Exception {
        start(c -> c);
        try (RoomTestClient host = openRoom(2); RoomTestClient ann = connect(); RoomTestClient again = connect()) {
            String code = host.room.code();
            String seatToken = ann.join(code, "ann", "").seatToken();
            host.send(new HostCommand(HostCommand.Action.KICK, "ann"));
            assertEquals(RoomCloseReason.KICKED, ann.nextOf(RoomClosed.class).reason());
            ann.client.assertClosedByServer();
            again.joinRefused(code, "ann", seatToken, ErrorCode.KICKED);
            host.send(new HostCommand(HostCommand.Action.KICK, "nobody"));
            assertTrue(host.nextOf(dev.tlsquiz.codec.Notice.class).message().contains("nobody"));
        }
    }

    @Test
    void sameName_withoutTheSeatToken_isRefused() throws Exception {
        start(c -> c);
        try (RoomTestClient host = openRoom(2); RoomTestClient ann = connect(); RoomTestClient thief = connect();
             RoomTestClient guesser = connect()) {
            String code = host.room.code();
            ann.join(code, "ann", "");
            thief.joinRefused(code, "ann", "", ErrorCode.NAME_TAKEN);
            guesser.joinRefused(code, "ann", "AAAAAAAAAAAAAAAAAAAAAA", ErrorCode.NAME_TAKEN);
            assertTrue(ann.client.isOpen());
        }
    }

    @Test
    void hostToken_isCreatedOwnerOnly_andEnforced() throws Exception {
        start(c -> c);
        assertFalse(token.isEmpty());
        try (RoomTestClient none = connect(); RoomTestClient wrong = connect()) {
            none.send(RoomTestClient.host("teacher", "", 1, true));
            none.expectError(ErrorCode.HOST_REFUSED);
            wrong.send(RoomTestClient.host("teacher", token.substring(1) + "x", 1, true));
            wrong.expectError(ErrorCode.HOST_REFUSED);
        }
        try (RoomTestClient host = openRoom(1)) {
            assertEquals(7, host.room.code().length());
        }
    }

    @Test
    void anyone_mayHost_whenTheServerSaysSo() throws Exception {
        start(c -> c.rooms(r -> r.withHosts(RoomHosts.ANYONE)));
        try (RoomTestClient host = connect()) {
            host.open(RoomTestClient.host("demo", "", 1, true));
            assertEquals(RoomRole.HOST, host.room.role());
        }
    }

    @Test
    void joinFloodOfRandomCodes_isRateLimited() throws Exception {
        start(c -> c.rooms(r -> r.withJoinAttempts(5)));
        for (int i = 0; i < 5; i++) {
            try (RoomTestClient scanner = connect()) {
                scanner.joinRefused("ZZZ-ZZ" + (i + 2), "scan", "", ErrorCode.ROOM_NOT_FOUND);
            }
        }
        try (RoomTestClient scanner = connect()) {
            scanner.joinRefused("ZZZ-ZZZ", "scan", "", ErrorCode.RATE_LIMITED);
        }
    }

    @Test
    void hostileInput_getsClearErrors() throws Exception {
        start(c -> c.rooms(r -> r.withMaxBankBytes(1024)));
        try (RoomTestClient host = openRoom(2); RoomTestClient player = connect(); RoomTestClient evil = connect();
             RoomTestClient v1 = connect()) {
            String code = host.room.code();
            player.join(code, "ann", "");
            player.send(HostCommand.of(HostCommand.Action.END));
            player.expectError(ErrorCode.UNEXPECTED_MESSAGE);
            evil.joinRefused(code, "evil\u001b[2J", "", ErrorCode.INVALID_FIELD);
            v1.send(new dev.tlsquiz.codec.Join(1, code, "old", ""));
            v1.expectError(ErrorCode.UNSUPPORTED_VERSION);
        }
        try (RoomTestClient huge = connect(); RoomTestClient over = connect()) {
            huge.send(bankHost(1_000_000));
            huge.expectError(ErrorCode.INVALID_FIELD);
            over.send(bankHost(10));
            over.send(new dev.tlsquiz.codec.BankPart("::Q:: 1 + 1 = {#2}\n"));
            over.expectError(ErrorCode.UNEXPECTED_MESSAGE);
        }
    }

    @Test
    void bankSentByTheHost_isParsed_andAsked() throws Exception {
        start(c -> c);
        String bank = "::Q1:: What is 6 times 7? {#42}\n";
        try (RoomTestClient host = connect(); RoomTestClient ann = connect(); RoomTestClient bad = connect()) {
            host.client.send(bankHost(bank.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
            host.client.send(new dev.tlsquiz.codec.BankPart(bank.substring(0, 10)));
            host.client.send(new dev.tlsquiz.codec.BankPart(bank.substring(10)));
            host.welcome = host.next(dev.tlsquiz.codec.Welcome.class);
            assertEquals(1, host.welcome.rounds());
            String code = host.next(Room.class).code();
            ann.join(code, "ann", "");
            host.send(HostCommand.of(HostCommand.Action.START));
            Problem problem = ann.next(Problem.class);
            assertEquals("What is 6 times 7?", problem.text());
            ann.send(new Answer(problem.problemId(), "42"));
            assertEquals(Outcome.CORRECT, ann.next(Verdict.class).outcome());
            String broken = "::Q1:: What {\n";
            bad.send(bankHost(broken.length()));
            bad.send(new dev.tlsquiz.codec.BankPart(broken));
            bad.expectError(ErrorCode.INVALID_FIELD);
        }
    }

    private dev.tlsquiz.codec.Host bankHost(long bytes) {
        return new dev.tlsquiz.codec.Host(Protocol.VERSION, "teacher", "", token, 0, 0,
                dev.tlsquiz.codec.QuestionSource.GIFT_BANK, "", 0, 0, false,
                dev.tlsquiz.codec.RequestedOrder.IN_ORDER, true, bytes);
    }

    @Test
    void playerWhoStopsReading_doesNotHoldUpTheGame() throws Exception {
        start(c -> c);
        try (RoomTestClient host = openRoom(3); RoomTestClient slow = connect(); RoomTestClient ann = connect()) {
            String code = host.room.code();
            slow.join(code, "slow", "");
            ann.join(code, "ann", "");
            slow.client.channel().config().setAutoRead(false);
            host.send(HostCommand.of(HostCommand.Action.START));
            for (int round = 1; round <= 3; round++) {
                Problem problem = ann.nextOf(Problem.class);
                ann.send(new Answer(problem.problemId(), "-1"));
                awaitAnswered(host, 1);
                host.send(HostCommand.of(HostCommand.Action.NEXT));
                assertEquals(Outcome.WRONG, ann.next(Verdict.class).outcome());
            }
            ann.next(Standings.class);
            assertNotEquals(0, ann.next(Summary.class).total());
        }
    }

    @Test
    void certMode_letsOnlyHostCertificatesHost() throws Exception {
        start(c -> c.tls(x -> x.withClientAuth(dev.tlsquiz.tls.ClientAuthMode.OPTIONAL, pki.caCert()))
                .rooms(r -> r.withHosts(RoomHosts.CERT)));
        dev.tlsquiz.tls.pki.IssuedCertificate issued = pki.ca().issue(dev.tlsquiz.tls.pki.CertificateRequest
                .client("teach", Duration.ofDays(1)).withUsage(dev.tlsquiz.tls.pki.CertificateUsage.HOST));
        Path hostCert = Files.createTempFile(dir, "host", ".pem");
        Path hostKey = dir.resolve(hostCert.getFileName() + ".key");
        Files.delete(hostCert);
        dev.tlsquiz.tls.pki.Pem.writeCertificate(hostCert, issued.certificate());
        dev.tlsquiz.tls.pki.Pem.writePrivateKey(hostKey, issued.privateKey());
        try (ClientTls hostTls = withCertificate(hostCert, hostKey);
             ClientTls playerTls = withCertificate(pki.clientCert(), pki.clientKey())) {
            try (RoomTestClient anonymous = connect();
                 RoomTestClient player = RoomTestClient.connect(clientGroup, playerTls, server.localAddress())) {
                anonymous.send(RoomTestClient.host("teacher", "", 1, true));
                anonymous.expectError(ErrorCode.HOST_REFUSED);
                // A plain client certificate (no host role) is a player's, not a host's.
                player.send(RoomTestClient.host("teacher", "", 1, true));
                assertTrue(player.expectError(ErrorCode.HOST_REFUSED).message().contains("--role host"));
            }
            try (RoomTestClient host = RoomTestClient.connect(clientGroup, hostTls, server.localAddress())) {
                host.open(RoomTestClient.host("ignored", "", 1, true));
                // Under mutual TLS the certificate names the host.
                assertEquals("teach", host.welcome.playerName());
                assertEquals("teach", host.room.hostName());
            }
        }
    }

    private static ClientTls withCertificate(Path cert, Path key) throws Exception {
        return ClientTls.create(new dev.tlsquiz.tls.ClientTlsConfig(new dev.tlsquiz.tls.ClientTrust.CaFile(pki.caCert()),
                cert, key, dev.tlsquiz.tls.TlsProvider.AUTO, dev.tlsquiz.tls.TlsProfile.MODERN, Protocol.ALPN_ID));
    }

    @Test
    void hostWhoDrops_takesTheRoomBack_andARoomWithoutHost_endsAfterTheGrace() throws Exception {
        start(c -> c.rooms(r -> r.withHostGrace(Duration.ofMillis(500))));
        RoomTestClient host = openRoom(3);
        String code = host.room.code();
        try (RoomTestClient ann = connect()) {
            ann.join(code, "ann", "");
            host.send(HostCommand.of(HostCommand.Action.START));
            ann.next(Problem.class);
            host.close();
            try (RoomTestClient back = connect()) {
                back.send(dev.tlsquiz.codec.Host.reclaim("teacher", code, token));
                back.next(dev.tlsquiz.codec.Welcome.class);
                Room room = back.next(Room.class);
                assertEquals(RoomRole.HOST, room.role());
                assertEquals(code, room.code());
                // Back in charge: its command works.
                back.send(HostCommand.of(HostCommand.Action.END));
                assertTrue(back.nextOf(Standings.class).finalStandings());
                assertEquals(RoomCloseReason.HOST_ENDED, back.nextOf(RoomClosed.class).reason());
            }
            assertTrue(ann.nextOf(Standings.class).finalStandings());
            ann.next(Summary.class);
            assertEquals(RoomCloseReason.HOST_ENDED, ann.next(RoomClosed.class).reason());
        }
        try (RoomTestClient second = openRoom(3); RoomTestClient bob = connect(); RoomTestClient late = connect()) {
            String other = second.room.code();
            bob.join(other, "bob", "");
            second.close();
            // Nobody takes the room back: after the grace period everyone gets the final standings.
            assertTrue(bob.nextOf(Standings.class).finalStandings());
            bob.next(Summary.class);
            assertEquals(RoomCloseReason.HOST_GONE, bob.next(RoomClosed.class).reason());
            late.joinRefused(other, "late", "", ErrorCode.ROOM_NOT_FOUND);
        }
    }

    @Test
    void reclaimingSomeoneElsesRoom_isRefused() throws Exception {
        start(c -> c.rooms(r -> r.withHosts(RoomHosts.ANYONE)));
        try (RoomTestClient host = connect(); RoomTestClient other = connect()) {
            String code = host.open(RoomTestClient.host("teacher", "", 1, true));
            other.send(dev.tlsquiz.codec.Host.reclaim("mallory", code, ""));
            other.expectError(ErrorCode.HOST_REFUSED);
        }
    }

    @Test
    void underAnyone_aPlayerWhoKnowsTheCodeAndTheHostsName_cannotTakeTheRoomFromAConnectedHost() throws Exception {
        start(c -> c.rooms(r -> r.withHosts(RoomHosts.ANYONE)));
        try (RoomTestClient host = connect(); RoomTestClient mallory = connect()) {
            String code = host.open(RoomTestClient.host("teacher", "", 1, true));
            // Every player is shown the code and the host's name in ROOM: that is all a reclaim names.
            mallory.send(dev.tlsquiz.codec.Host.reclaim("teacher", code, ""));
            mallory.expectError(ErrorCode.HOST_REFUSED);

            host.send(HostCommand.of(HostCommand.Action.END));
            assertTrue(host.nextOf(Standings.class).finalStandings(), "the host is still in charge");
            assertEquals(RoomCloseReason.HOST_ENDED, host.nextOf(RoomClosed.class).reason());
        }
    }

    @Test
    void lateJoiner_startsAtZero_andNoLateJoinRefuses() throws Exception {
        start(c -> c);
        try (RoomTestClient host = connect(); RoomTestClient ann = connect(); RoomTestClient late = connect()) {
            String code = host.open(RoomTestClient.host("teacher", token, 2, false));
            assertFalse(host.room.lateJoin());
            ann.join(code, "ann", "");
            host.send(HostCommand.of(HostCommand.Action.START));
            ann.next(Problem.class);
            late.joinRefused(code, "late", "", ErrorCode.LATE_JOIN_REFUSED);
        }
        try (RoomTestClient host = openRoom(2); RoomTestClient ann = connect(); RoomTestClient late = connect()) {
            String code = host.room.code();
            ann.join(code, "ann", "");
            host.send(HostCommand.of(HostCommand.Action.START));
            ann.next(Problem.class);
            late.join(code, "late", "");
            Problem problem = late.next(Problem.class);
            assertEquals(1, problem.problemId());
        }
    }

    @Test
    void serverShutdown_endsTheRoom_withFinalStandingsForEveryone() throws Exception {
        start(c -> c);
        try (RoomTestClient host = openRoom(3); RoomTestClient ann = connect()) {
            ann.join(host.room.code(), "ann", "");
            host.send(HostCommand.of(HostCommand.Action.START));
            ann.next(Problem.class);
            server.shutdownGracefully(Duration.ZERO);
            server = null;
            assertEquals(Outcome.TIMEOUT, ann.next(Verdict.class).outcome());
            assertTrue(ann.next(Standings.class).finalStandings());
            ann.next(Summary.class);
            assertEquals(RoomCloseReason.SERVER_SHUTTING_DOWN, ann.next(RoomClosed.class).reason());
            assertEquals(RoomCloseReason.SERVER_SHUTTING_DOWN, host.nextOf(RoomClosed.class).reason());
            assertEquals(1, kept.size());
        }
    }

    @Test
    void resultsStoreThatDoesNotKeepTheGameInTime_givesServerBusyInsteadOfTheFinalStandings() throws Exception {
        start(c -> c.results(r -> r.withSummaryWait(Duration.ofMillis(300))));
        storeHangs = true;
        try (RoomTestClient host = openRoom(1); RoomTestClient ann = connect()) {
            ann.join(host.room.code(), "ann", "");
            host.send(HostCommand.of(HostCommand.Action.START));
            Problem problem = ann.next(Problem.class);
            ann.send(new Answer(problem.problemId(), "0"));
            ann.next(Verdict.class);
            ErrorMessage error = ann.expectError(ErrorCode.SERVER_BUSY);
            assertTrue(error.message().startsWith("results store unavailable"), error.message());
            assertEquals(ErrorCode.SERVER_BUSY.code(), host.nextOf(ErrorMessage.class).code());
            assertTrue(ann.seen.stream().noneMatch(m -> m instanceof Standings), "no standings the store may lose");
            assertEquals(1, kept.size(), "the game stays handed over, to be kept once the store is back");
        }
    }

    @Test
    void aVerifiedPlayersFingerprint_isKeptInTheSameFormAsASoloPlayers() throws Exception {
        start(c -> c.tls(x -> x.withClientAuth(dev.tlsquiz.tls.ClientAuthMode.OPTIONAL, pki.caCert())));
        try (ClientTls playerTls = withCertificate(pki.clientCert(), pki.clientKey());
             RoomTestClient host = openRoom(1);
             RoomTestClient player = RoomTestClient.connect(clientGroup, playerTls, server.localAddress())) {
            player.join(host.room.code(), "ignored", "");
            host.send(HostCommand.of(HostCommand.Action.START));
            Problem problem = player.next(Problem.class);
            player.send(new Answer(problem.problemId(), "0"));
            player.nextOf(Summary.class);
        }
        server.close();
        server = null;
        assertEquals(1, kept.size());
        dev.tlsquiz.server.services.PlayerRecord kept0 = kept.get(0).players().get(0);
        assertTrue(kept0.nameVerified());
        String hex = dev.tlsquiz.tls.pki.Fingerprints.certificate(pki.client().certificate())
                .substring(dev.tlsquiz.tls.pki.Fingerprints.PREFIX.length());
        assertEquals(hex, kept0.certificateFingerprint(), "hex, without the SHA256: of logs, as RecordedPlayerTest");
    }

    @Test
    void addresses_areKeptWithTheResults_onlyUnderStoreAddresses() throws Exception {
        for (boolean storeAddresses : new boolean[] {false, true}) {
            kept.clear();
            start(c -> c.results(r -> r.withStoreAddresses(storeAddresses)));
            try (RoomTestClient host = openRoom(1); RoomTestClient ann = connect()) {
                ann.join(host.room.code(), "ann", "");
                host.send(HostCommand.of(HostCommand.Action.START));
                Problem problem = ann.next(Problem.class);
                ann.send(new Answer(problem.problemId(), "0"));
                ann.nextOf(Summary.class);
            }
            server.close();
            server = null;
            assertEquals(1, kept.size());
            assertEquals(storeAddresses ? "127.0.0.1" : null, kept.get(0).players().get(0).address(),
                    "--store-addresses " + storeAddresses);
        }
    }

    @Test
    void resultsStoreWithAFullQueue_refusesNewRooms_butNotAHostTakingItsRoomBack() throws Exception {
        start(c -> c);
        try (RoomTestClient host = openRoom(1)) {
            storeAccepting = false;
            try (RoomTestClient another = connect()) {
                another.send(RoomTestClient.host("teacher", token, 1, true));
                ErrorMessage error = another.expectError(ErrorCode.SERVER_BUSY);
                assertTrue(error.message().startsWith("results store unavailable"), error.message());
            }
            try (RoomTestClient ann = connect()) {
                assertEquals(RoomRole.PLAYER, ann.join(host.room.code(), "ann", "").role(),
                        "a room already open still seats players: its game was admitted");
            }
        }
    }

    @Test
    void clientError_withControlCharacters_isLoggedOnOneEscapedLine() throws Exception {
        start(c -> c);
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(RoomSession.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        ch.qos.logback.classic.Level previous = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
        try (RoomTestClient host = openRoom(1); RoomTestClient ann = connect()) {
            ann.join(host.room.code(), "ann", "");
            ann.send(new ErrorMessage(ErrorCode.INTERNAL_ERROR, "bye\n12:00:00.000 INFO  forged line\u001b[2J"));
            Conditions.await(() -> "the client's ERROR in the log", Duration.ofSeconds(30), () -> {
                synchronized (appender.list) {
                    return appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("client sent"));
                }
            });
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }
        String line;
        synchronized (appender.list) {
            line = appender.list.stream().map(e -> e.getFormattedMessage()).filter(l -> l.contains("client sent"))
                    .findFirst().orElseThrow();
        }
        assertTrue(line.contains("forged line"), line);
        assertFalse(line.contains("\n") || line.contains("\u001b"), "raw control characters in: " + line);
    }

    @Test
    void tokenMode_logsWhereTheTokenIsAndTheCommand_butNeverTheToken() throws Exception {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(QuizServer.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        // Whatever level another test left the logger at.
        ch.qos.logback.classic.Level previous = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        appender.start();
        logger.addAppender(appender);
        try {
            start(c -> c);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }
        List<String> lines;
        synchronized (appender.list) {
            lines = appender.list.stream().map(e -> e.getFormattedMessage()).toList();
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("created the host token")), lines.toString());
        // Once listening: the whole command a host copies, with the port, the trust and the token file.
        String port = Integer.toString(server.localAddress().getPort());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("hosts open a room with: ") && l.contains(" host --host ")
                && l.contains("--port " + port) && l.contains("--token-file ") && l.contains("--pin ")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains(token)), "the token must never be logged");
    }
}
