package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.server.Conditions;
import dev.tlsquiz.server.QuizTestClient;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.results.query.GameFilter;
import dev.tlsquiz.server.results.query.GameSummary;
import dev.tlsquiz.server.results.store.DatabaseLocation;
import dev.tlsquiz.server.results.store.GameStores;
import dev.tlsquiz.server.results.store.ResultsStore;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise with real processes: the real server ({@code serve}, results in SQLite in
 * its --data-dir, the default store) plays many concurrent games with scripted players and is killed
 * with SIGKILL at a random moment; restarted on the same data, then stopped, its store holds every
 * game whose SUMMARY a player received, complete (every question, every answer, the score shown), and
 * no game that is half written.
 */
class ResultsKillTest {

    private static final Pattern SUM = Pattern.compile("^(\\d+) \\+ (\\d+)$");
    private static final int PLAYERS = 8;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void kill9_thenEveryGameWhoseSummaryWasShownIsKeptWhole() throws Exception {
        Path data = dir.resolve("data");
        String[] args = {"--data-dir", data.toString(), "--rounds", Integer.toString(ROUNDS), "--ops", "add",
            "--time-limit", "20s", "--instance", "kill-test"};
        Map<Long, Summary> shown = new ConcurrentHashMap<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        List<Thread> players = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ServerProcess server = ServerProcess.start(dir, List.of("-Xmx256m"), args);
        try (ClientTls tls = ClientTls.create(ClientTlsConfig.of(
                new ClientTrust.CaFile(dir.resolve("certs").resolve("ca.pem")), Protocol.ALPN_ID))) {
            for (int i = 0; i < PLAYERS; i++) {
                String name = "player-" + i;
                Thread player = new Thread(() -> play(group, tls, server, name, shown, stop), name);
                player.start();
                players.add(player);
            }
            // A random moment, once games are well under way: some shown, some ending, some mid-question.
            int before = 10 + ThreadLocalRandom.current().nextInt(40);
            Conditions.await(() -> before + " summaries shown (" + shown.size() + " so far); server output: "
                    + server.output(), Duration.ofSeconds(120), () -> shown.size() >= before);
            server.kill();
            stop.set(true);
            for (Thread player : players) {
                // A player waiting on the dead server gives up after QuizTestClient.TIMEOUT.
                player.join(TimeUnit.SECONDS.toMillis(60));
                assertTrue(!player.isAlive(), player.getName() + " did not stop");
            }
        } finally {
            server.kill();
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
        }

        // The killed server's database opens again (SQLite recovers its write-ahead log) ...
        ServerProcess restarted = ServerProcess.start(dir, List.of("-Xmx256m"), args);
        restarted.close();
        assertTrue(restarted.output().contains("server stopped"), restarted.output());

        // ... and holds every game a player saw the end of, whole.
        try (ResultsStore store = GameStores.open(DatabaseLocation.sqlite(data))) {
            for (Map.Entry<Long, Summary> seen : shown.entrySet()) {
                List<GameRecord> kept = store.games(seen.getKey());
                assertEquals(1, kept.size(), () -> "game " + Long.toHexString(seen.getKey()) + " whose SUMMARY was"
                        + " shown is not kept");
                GameRecord game = kept.get(0);
                Summary summary = seen.getValue();
                PlayerRecord player = game.players().get(0);
                assertEquals(summary.score(), player.score(), "score of " + player.name());
                assertEquals(summary.correct(), player.correct());
                assertEquals(summary.total(), game.questions().size());
                assertEquals(summary.answered(), game.answers().size());
                assertEquals(ROUNDS, game.answers().stream().filter(a -> a.outcome() == Judgement.CORRECT).count());
                assertEquals("completed", game.endReason());
            }
            // Nothing half written: every kept game has its player and as many answers as its player gave.
            List<GameSummary> all = store.games(GameFilter.all());
            assertTrue(all.size() >= shown.size(), "kept " + all.size() + ", shown " + shown.size());
            for (GameSummary summary : all) {
                GameRecord game = store.games(summary.gameId()).get(0);
                assertEquals(1, game.players().size(), "players of " + Long.toHexString(game.gameId()));
                assertEquals(game.players().get(0).answered(), game.answers().stream()
                        .filter(a -> a.outcome() != Judgement.TIMEOUT).count());
                assertTrue(game.questions().size() >= game.answers().size());
            }
        }
    }

    /** Plays games one after another, answering right, until stopped or the server is gone. */
    private static void play(EventLoopGroup group, ClientTls tls, ServerProcess server, String name,
                             Map<Long, Summary> shown, AtomicBoolean stop) {
        int game = 0;
        while (!stop.get()) {
            try (QuizTestClient client = QuizTestClient.connect(group, tls, server.address())) {
                long id = client.hello(name + "-" + game++, 0).sessionId();
                while (true) {
                    QuizMessage message = client.next();
                    if (message instanceof Problem problem) {
                        Matcher sum = SUM.matcher(problem.text());
                        assertTrue(sum.matches(), problem.text());
                        client.send(new Answer(problem.problemId(),
                                Long.toString(Long.parseLong(sum.group(1)) + Long.parseLong(sum.group(2)))));
                    } else if (message instanceof Summary summary) {
                        // What a player was shown: the server promised it is kept.
                        shown.put(id, summary);
                        break;
                    } else if (!(message instanceof Verdict)) {
                        return;
                    }
                }
            } catch (Throwable gone) {
                // The server was killed: connecting, sending or waiting failed. The game in hand was not shown.
                return;
            }
        }
    }
}
