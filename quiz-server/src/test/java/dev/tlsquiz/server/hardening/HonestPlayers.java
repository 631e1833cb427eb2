package dev.tlsquiz.server.hardening;

import dev.tlsquiz.server.QuizTestClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.server.quiz.ArithmeticProblems;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.bank.Question;
import dev.tlsquiz.tls.ClientTls;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Players who do everything right, on their own threads while a test abuses the server: each
 * plays whole sessions with correct answers and checks every verdict and the summary. The server
 * must be seeded, so that the players know the answers.
 */
final class HonestPlayers implements AutoCloseable {

    private final ExecutorService threads;
    private final List<CompletableFuture<Integer>> players = new ArrayList<>();

    private HonestPlayers(int count) {
        this.threads = Executors.newFixedThreadPool(count);
    }

    /**
     * Starts {@code count} players, each playing {@code sessions} sessions one after another.
     */
    static HonestPlayers start(int count, int sessions, EventLoopGroup group, ClientTls tls,
                               InetSocketAddress server, ServerConfig config) {
        HonestPlayers honest = new HonestPlayers(count);
        for (int p = 0; p < count; p++) {
            String name = "honest-" + p;
            honest.players.add(CompletableFuture.supplyAsync(() -> {
                int played = 0;
                for (int s = 0; s < sessions; s++) {
                    try (QuizTestClient player = QuizTestClient.connect(group, tls, server)) {
                        playCorrectly(player, config, name);
                        played++;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError("interrupted", e);
                    }
                }
                return played;
            }, honest.threads));
        }
        return honest;
    }

    /** Waits for every player and fails unless each finished all its sessions correctly. */
    void assertAllCompleted(int sessionsEach) throws Exception {
        for (CompletableFuture<Integer> player : players) {
            assertEquals(sessionsEach, player.get(60, TimeUnit.SECONDS), "sessions completed by an honest player");
        }
    }

    /** One whole session with right answers, every message checked. */
    static Summary playCorrectly(QuizTestClient player, ServerConfig config, String name) throws InterruptedException {
        Welcome welcome = player.hello(name);
        assertEquals(config.game().rounds(), welcome.rounds());
        ProblemSource questions = new ArithmeticProblems(config.game().operations(), config.game().digits(), config.game().seed())
                .newSession();
        long score = 0;
        for (int round = 1; round <= config.game().rounds(); round++) {
            Problem problem = player.next(Problem.class);
            Question question = questions.next();
            assertEquals(question.text(), problem.text());
            player.send(new Answer(problem.problemId(), question.acceptedAnswers()));
            Verdict verdict = player.next(Verdict.class);
            assertEquals(Outcome.CORRECT, verdict.outcome(), () -> "verdict for " + problem.text());
            score += verdict.points();
            assertEquals(score, verdict.score());
        }
        Summary summary = player.next(Summary.class);
        assertEquals(config.game().rounds(), summary.correct());
        assertEquals(score, summary.score());
        player.assertClosedByServer();
        assertTrue(summary.total() == config.game().rounds());
        return summary;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
