package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.quiz.ArithmeticProblems;
import dev.tlsquiz.server.quiz.Operation;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.bank.Question;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.TlsProvider;
import dev.tlsquiz.tls.testing.TestPki;
import java.time.Duration;
import java.util.EnumSet;

/** Servers and clients for tests: a seeded server on a free loopback port, and a client that plays right. */
final class TestServers {

    static final long SEED = 42;

    private TestServers() {
    }

    /** Port 0, every operation, a fixed seed, 3 rounds, limits generous enough for a loaded machine. */
    static ServerConfig.Builder config() {
        return ServerConfig.builder()
                .listening(x -> x.withPort(0))
                .game(x -> x.withSeed(SEED).withOperations(EnumSet.allOf(Operation.class)).withRounds(3)
                .withTimeLimit(Duration.ofSeconds(20)))
                .timeouts(x -> x.withIdleTimeout(Duration.ofSeconds(30)).withShutdownGrace(Duration.ofSeconds(5)));
    }

    /** A server with its own TLS context; closing it closes both. */
    record Running(QuizServer server, ServerTls tls) implements AutoCloseable {
        static Running start(ServerConfig config, ServerTlsConfig tlsConfig) throws Exception {
            ServerTls tls = ServerTls.open(tlsConfig);
            try {
                return new Running(QuizServer.builder(config).tls(tls).start(), tls);
            } catch (Exception e) {
                tls.close();
                throw e;
            }
        }

        static Running start(ServerConfig config, TestPki pki) throws Exception {
            return start(config, ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID));
        }

        @Override
        public void close() {
            server.close();
            tls.close();
        }
    }

    /** A client trusting the test CA, without a client certificate. */
    static ClientTls clientTls(TestPki pki) throws Exception {
        return ClientTls.create(ClientTlsConfig.of(new ClientTrust.CaFile(pki.caCert()), Protocol.ALPN_ID));
    }

    /** A client trusting the test CA that presents the certificate of {@link TestPki#CLIENT_NAME}. */
    static ClientTls clientTlsWithCertificate(TestPki pki) throws Exception {
        return ClientTls.create(new ClientTlsConfig(new ClientTrust.CaFile(pki.caCert()), pki.clientCert(),
                pki.clientKey(), TlsProvider.AUTO, TlsProfile.MODERN, Protocol.ALPN_ID));
    }

    /** The questions every session of a server with {@code config} gets, in order. */
    static ProblemSource expectedQuestions(ServerConfig config) {
        return new ArithmeticProblems(config.game().operations(), config.game().digits(), config.game().seed()).newSession();
    }

    /**
     * Plays a whole session with right answers, checking every message on the way, and returns the
     * SUMMARY. The server must be seeded.
     */
    static Summary playCorrectly(QuizTestClient client, ServerConfig config, String name) throws InterruptedException {
        Welcome welcome = client.hello(name, 0);
        assertEquals(config.game().rounds(), welcome.rounds());
        ProblemSource questions = expectedQuestions(config);
        long score = 0;
        for (int round = 1; round <= config.game().rounds(); round++) {
            Problem problem = client.next(Problem.class);
            Question question = questions.next();
            assertEquals(question.text(), problem.text());
            assertEquals(round, problem.round());
            client.send(new Answer(problem.problemId(), question.acceptedAnswers()));
            Verdict verdict = client.next(Verdict.class);
            assertEquals(Outcome.CORRECT, verdict.outcome(), () -> "verdict for " + problem.text());
            assertTrue(verdict.points() >= 100, "points of a correct answer: " + verdict.points());
            score += verdict.points();
            assertEquals(score, verdict.score());
        }
        Summary summary = client.next(Summary.class);
        assertEquals(new Summary(config.game().rounds(), config.game().rounds(), config.game().rounds(), score, summary.durationMillis()),
                summary);
        client.assertClosedByServer();
        return summary;
    }
}
