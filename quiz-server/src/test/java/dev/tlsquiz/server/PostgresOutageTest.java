package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.Question;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.server.results.ResultWriter;
import dev.tlsquiz.server.results.store.DatabaseLocation;
import dev.tlsquiz.server.results.store.GameStores;
import dev.tlsquiz.server.results.store.ResultsStore;
import dev.tlsquiz.server.results.store.TestPostgres;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server keeping results in a real PostgreSQL through a TCP proxy that drops every connection
 * mid-run and then lets them through again: games go on, finished players wait, the event loops keep
 * answering, and once the database is reachable again every game is in it, whole, and every waiting
 * player gets their summary. Skipped, with a message, where no PostgreSQL answers (see TestPostgres).
 */
class PostgresOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/");

    @TempDir
    Path dir;

    private TestPostgres postgres;

    @BeforeEach
    void schema() throws Exception {
        postgres = TestPostgres.createSchema("outage");
    }

    @AfterEach
    void dropSchema() throws Exception {
        postgres.dropSchema();
    }

    @Test
    void databaseUnreachableMidRun_thenNoResultLostAndNoEventLoopBlocked() throws Exception {
        Matcher where = HOST_PORT.matcher(postgres.url());
        assertTrue(where.find(), "a PostgreSQL URL with a host: " + postgres.url());
        InetSocketAddress database = new InetSocketAddress(where.group(1),
                where.group(2) == null ? 5432 : Integer.parseInt(where.group(2)));
        TestPki pki = TestPki.create(dir);
        ServerConfig config = TestServers.config().results(x -> x.withSummaryWait(WAIT))
                .timeouts(x -> x.withIdleTimeout(Duration.ofSeconds(120))).build();
        EventLoopGroup clients = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try (DroppingProxy proxy = new DroppingProxy(database)) {
            String throughProxy = where.replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/");
            ResultsStore store = GameStores.open(DatabaseLocation.postgres(throughProxy, postgres.user(), null));
            AtomicInteger failedWrites = new AtomicInteger();
            ResultWriter writer = new ResultWriter(store, 100, 200, new ServerMetrics() {
                @Override
                public void resultsWriteFailed() {
                    failedWrites.incrementAndGet();
                }
            });
            try (ServerTls tls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID));
                 ClientTls clientTls = TestServers.clientTls(pki);
                 QuizServer server = QuizServer.builder(config).tls(tls).results(writer).start()) {
                QuizTestClient first = QuizTestClient.connect(clients, clientTls, server.localAddress());
                long kept = playAllRounds(first, config, "before");
                assertEquals(3, first.next(Summary.class).correct());

                proxy.drop();
                QuizTestClient watcher = QuizTestClient.connect(clients, clientTls, server.localAddress());
                watcher.hello("watcher", 0);
                watcher.next(Problem.class);
                List<QuizTestClient> waiting = new ArrayList<>();
                List<Long> waitingGames = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    QuizTestClient player = QuizTestClient.connect(clients, clientTls, server.localAddress());
                    waitingGames.add(playAllRounds(player, config, "during-" + i));
                    waiting.add(player);
                }
                Conditions.await("the four finished games to wait for the database", WAIT, () -> writer.queued() == 4);
                for (int token = 1; token <= 3; token++) {
                    watcher.send(new Ping(token));
                    assertEquals(new Pong(token), watcher.next(Pong.class), "an event loop stopped answering");
                }
                // Several retries meet the dropped database (each waits for the pool's connection timeout).
                Conditions.await("several failed writes", WAIT, () -> failedWrites.get() >= 2);
                assertEquals(4, writer.queued(), "a game was kept while the database was unreachable");
                assertTrue(waiting.stream().allMatch(QuizTestClient::isOpen), "finished players wait for summaries");

                proxy.restore();
                for (QuizTestClient player : waiting) {
                    assertEquals(3, nextWithin(player, WAIT).correct());
                }
                List<Long> all = new ArrayList<>(waitingGames);
                all.add(kept);
                for (long id : all) {
                    List<GameRecord> games = store.games(id);
                    assertEquals(1, games.size(), "game " + Long.toHexString(id) + " kept once");
                    assertEquals(3, games.get(0).questions().size());
                    assertEquals(3, games.get(0).answers().size());
                    assertTrue(games.get(0).answers().stream().allMatch(a -> a.outcome() == Judgement.CORRECT));
                }
            } finally {
                writer.close(WAIT);
            }
        } finally {
            clients.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    /** The SUMMARY, waiting up to {@code timeout} (the store may take its retry pauses first). */
    private static Summary nextWithin(QuizTestClient player, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        AtomicInteger tries = new AtomicInteger();
        while (true) {
            try {
                return player.next(Summary.class);
            } catch (AssertionError e) {
                if (System.nanoTime() - deadline > 0 || !player.isOpen() || tries.incrementAndGet() > 10) {
                    throw e;
                }
            }
        }
    }

    private static long playAllRounds(QuizTestClient client, ServerConfig config, String name)
            throws InterruptedException {
        long id = client.hello(name, 0).sessionId();
        ProblemSource questions = TestServers.expectedQuestions(config);
        for (int round = 1; round <= config.game().rounds(); round++) {
            Problem problem = client.next(Problem.class);
            Question question = questions.next();
            client.send(new Answer(problem.problemId(), question.acceptedAnswers()));
            assertEquals(Outcome.CORRECT, client.next(Verdict.class).outcome());
        }
        return id;
    }
}
