package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.Question;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.server.results.MemoryGameStore;
import dev.tlsquiz.server.results.ResultWriter;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server over TLS whose results store goes down and hangs: games go on, finished players wait
 * for their summaries, the queue fills and new games are refused with SERVER_BUSY, the event loops
 * keep answering (PING/PONG) while the store hangs, and once the store is back every game is kept
 * and every waiting player gets their summary.
 */
class ResultsOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void storeDown_thenGamesGoOnTheQueueFillsNewGamesAreRefused_andWhenBackNothingIsLost() throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = TestServers.config().results(x -> x.withSummaryWait(WAIT))
                .timeouts(x -> x.withIdleTimeout(Duration.ofSeconds(120))).build();
        MemoryGameStore store = new MemoryGameStore();
        ResultWriter writer = new ResultWriter(store, 2, 100, ServerMetrics.none());
        EventLoopGroup clients = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try (ServerTls tls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID));
             ClientTls clientTls = TestServers.clientTls(pki);
             QuizServer server = QuizServer.builder(config).tls(tls).results(writer).start()) {
            store.down();
            QuizTestClient carol = QuizTestClient.connect(clients, clientTls, server.localAddress());
            long carolsGame = carol.hello("carol", 0).sessionId();
            Problem carolsFirst = carol.next(Problem.class);

            QuizTestClient ada = QuizTestClient.connect(clients, clientTls, server.localAddress());
            QuizTestClient bob = QuizTestClient.connect(clients, clientTls, server.localAddress());
            long adasGame = playAllRounds(ada, config, "ada");
            long bobsGame = playAllRounds(bob, config, "bob");
            Conditions.await("both finished games to wait in the queue", WAIT, () -> writer.queued() == 2);
            Conditions.await("the writer to have tried the store", WAIT, () -> store.attempts() >= 2);
            assertTrue(ada.isOpen() && bob.isOpen(), "finished players wait for their summaries");

            QuizTestClient dave = QuizTestClient.connect(clients, clientTls, server.localAddress());
            dave.send(new Hello(Protocol.VERSION, "dave", 0));
            ErrorMessage refused = dave.expectErrorAndClose(ErrorCode.SERVER_BUSY);
            assertTrue(refused.message().startsWith("results store unavailable: "), refused.message());

            // The store hangs rather than fails: the writer thread is stuck, the event loops are not.
            store.hang();
            store.up();
            Conditions.await("the writer to be stuck in the store", WAIT, () -> store.attempts() >= 3);
            carol.send(new Ping(7));
            assertEquals(new Pong(7), carol.next(Pong.class));

            store.release();
            assertEquals(3, ada.next(Summary.class).correct());
            assertEquals(3, bob.next(Summary.class).correct());
            ada.assertClosedByServer();
            bob.assertClosedByServer();

            // Carol's game, begun before the outage, goes on and is kept too.
            finishRounds(carol, config, carolsFirst);
            assertEquals(3, carol.next(Summary.class).correct());

            QuizTestClient erin = QuizTestClient.connect(clients, clientTls, server.localAddress());
            long erinsGame = playAllRounds(erin, config, "erin");
            erin.next(Summary.class);

            Set<Long> kept = store.games().stream().map(GameRecord::gameId).collect(Collectors.toSet());
            assertEquals(Set.of(adasGame, bobsGame, carolsGame, erinsGame), kept);
            for (GameRecord game : store.games()) {
                assertEquals(3, game.questions().size(), "questions of " + game.players());
                assertEquals(3, game.answers().size(), "answers of " + game.players());
                assertEquals("completed", game.endReason());
            }
        } finally {
            writer.close(WAIT);
            clients.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    /** HELLO, then every round answered right; returns the game's id. The SUMMARY is left to the caller. */
    private static long playAllRounds(QuizTestClient client, ServerConfig config, String name)
            throws InterruptedException {
        long id = client.hello(name, 0).sessionId();
        finishRounds(client, config, client.next(Problem.class));
        return id;
    }

    private static void finishRounds(QuizTestClient client, ServerConfig config, Problem first)
            throws InterruptedException {
        ProblemSource questions = TestServers.expectedQuestions(config);
        Problem problem = first;
        for (int round = 1; round <= config.game().rounds(); round++) {
            if (round > 1) {
                problem = client.next(Problem.class);
            }
            Question question = questions.next();
            assertEquals(question.text(), problem.text());
            client.send(new Answer(problem.problemId(), question.acceptedAnswers()));
            assertEquals(Outcome.CORRECT, client.next(Verdict.class).outcome());
        }
    }
}
