package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.codec.Bye;
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
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.bank.Question;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole sessions against a real server over TLS on loopback. */
class QuizServerTest {

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static EventLoopGroup clientGroup;
    private static ClientTls clientTls;
    private static TestServers.Running shared;

    @BeforeAll
    static void startServer() throws Exception {
        pki = TestPki.create(dir);
        clientGroup = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        clientTls = TestServers.clientTls(pki);
        shared = TestServers.Running.start(TestServers.config().build(), pki);
    }

    @AfterAll
    static void stopServer() {
        shared.close();
        clientTls.close();
        clientGroup.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static QuizTestClient connect(TestServers.Running running) throws Exception {
        return QuizTestClient.connect(clientGroup, clientTls, running.server().localAddress());
    }

    private static QuizTestClient connect() throws Exception {
        return connect(shared);
    }

    private static ServerConfig sharedConfig() {
        return shared.server().config();
    }

    @Test
    void session_whenEveryAnswerIsRight_thenVerdictsAreCorrectAndSummaryAddsUp() throws Exception {
        try (QuizTestClient client = connect()) {
            Summary summary = TestServers.playCorrectly(client, sharedConfig(), "ada");
            assertEquals(3, summary.correct());
        }
    }

    @Test
    void welcome_carriesNameLimitsAndServerName() throws Exception {
        try (QuizTestClient client = connect()) {
            Welcome welcome = client.hello("  ada lovelace  ", 0);
            assertEquals("ada lovelace", welcome.playerName());
            assertEquals(Protocol.VERSION, welcome.version());
            assertEquals(sharedConfig().game().timeLimit().toMillis(), welcome.timeLimitMillis());
            assertTrue(welcome.serverName().startsWith("tlsquiz/"), welcome.serverName());
        }
    }

    @Test
    void session_whenAnswersAreWrong_thenVerdictsAreWrongWithTheExpectedAnswer() throws Exception {
        try (QuizTestClient client = connect()) {
            client.hello("bob", 2);
            ProblemSource questions = TestServers.expectedQuestions(sharedConfig());
            Problem first = client.next(Problem.class);
            Question firstQuestion = questions.next();
            client.send(new Answer(first.problemId(), firstQuestion.acceptedAnswers() + "1"));
            assertEquals(new Verdict(first.problemId(), Outcome.WRONG, firstQuestion.acceptedAnswers(), 0, 0),
                    client.next(Verdict.class));
            Problem second = client.next(Problem.class);
            client.send(new Answer(second.problemId(), "forty-two"));
            // Not a number at all: wrong, and (in version 2) the feedback says how to answer.
            assertEquals(new Verdict(second.problemId(), Outcome.WRONG, questions.next().acceptedAnswers(), 0, 0,
                    "not a whole number: answer digits with an optional sign, such as -12"), client.next(Verdict.class));
            Summary summary = client.next(Summary.class);
            assertEquals(new Summary(0, 2, 2, 0, summary.durationMillis()), summary);
            client.assertClosedByServer();
        }
    }

    @Test
    void session_whenTimeLimitPasses_thenVerdictIsTimeout() throws Exception {
        ServerConfig config = TestServers.config()
                .game(x -> x.withTimeLimit(Duration.ofMillis(200)).withRounds(2)).build();
        try (TestServers.Running running = TestServers.Running.start(config, pki);
             QuizTestClient client = connect(running)) {
            client.hello("slow", 0);
            ProblemSource questions = TestServers.expectedQuestions(config);
            for (int round = 1; round <= 2; round++) {
                Problem problem = client.next(Problem.class);
                assertEquals(200, problem.timeLimitMillis());
                assertEquals(new Verdict(problem.problemId(), Outcome.TIMEOUT, questions.next().acceptedAnswers(), 0, 0),
                        client.next(Verdict.class));
            }
            Summary summary = client.next(Summary.class);
            assertEquals(new Summary(0, 0, 2, 0, summary.durationMillis()), summary);
            client.assertClosedByServer();
        }
    }

    @Test
    void hello_whenMoreRoundsThanTheMaximumAreRequested_thenRoundsAreCapped() throws Exception {
        ServerConfig config = TestServers.config().game(x -> x.withMaxRounds(5)).build();
        try (TestServers.Running running = TestServers.Running.start(config, pki);
             QuizTestClient client = connect(running)) {
            assertEquals(5, client.hello("greedy", 60_000).rounds());
        }
    }

    @Test
    void ping_beforeHelloAndDuringPlay_isAnsweredWithPongCarryingTheToken() throws Exception {
        try (QuizTestClient client = connect()) {
            client.send(new Ping(-7L));
            assertEquals(new Pong(-7L), client.next());
            client.hello("pinger", 1);
            Problem problem = client.next(Problem.class);
            client.send(new Ping(Long.MAX_VALUE));
            assertEquals(new Pong(Long.MAX_VALUE), client.next());
            client.send(new Answer(problem.problemId(), TestServers.expectedQuestions(sharedConfig()).next().acceptedAnswers()));
            assertEquals(Outcome.CORRECT, client.next(Verdict.class).outcome());
            client.next(Summary.class);
        }
    }

    @Test
    void bye_afterWelcome_isAnsweredWithTheSummaryOfWhatWasPlayed() throws Exception {
        try (QuizTestClient client = connect()) {
            client.hello("quitter", 0);
            ProblemSource questions = TestServers.expectedQuestions(sharedConfig());
            Problem first = client.next(Problem.class);
            client.send(new Answer(first.problemId(), questions.next().acceptedAnswers()));
            Verdict verdict = client.next(Verdict.class);
            client.next(Problem.class);
            client.send(new Bye());
            Summary summary = client.next(Summary.class);
            assertEquals(new Summary(1, 1, 2, verdict.score(), summary.durationMillis()), summary);
            client.assertClosedByServer();
        }
    }

    @Test
    void hello_whenItDoesNotArriveInTime_thenHelloTimeout() throws Exception {
        ServerConfig config = TestServers.config().timeouts(x -> x.withHelloTimeout(Duration.ofMillis(300))).build();
        try (TestServers.Running running = TestServers.Running.start(config, pki);
             QuizTestClient client = connect(running)) {
            client.expectErrorAndClose(ErrorCode.HELLO_TIMEOUT);
        }
    }

    @Test
    void idle_whenTheClientSendsNothing_thenIdleTimeout() throws Exception {
        ServerConfig config = TestServers.config().game(x -> x.withRounds(100).withTimeLimit(Duration.ofMillis(300)))
                .timeouts(x -> x.withIdleTimeout(Duration.ofMillis(700))).build();
        try (TestServers.Running running = TestServers.Running.start(config, pki);
             QuizTestClient client = connect(running)) {
            client.hello("sleepy", 0);
            // Problems keep timing out (the server talks), but the client says nothing.
            ErrorMessage idle;
            while (true) {
                if (client.next() instanceof ErrorMessage error) {
                    idle = error;
                    break;
                }
            }
            assertEquals(ErrorCode.IDLE_TIMEOUT.code(), idle.code(), idle::toString);
            client.assertClosedByServer();
        }
    }

    @Test
    void mutualTls_whenTheClientPresentsACertificate_thenItsCommonNameIsThePlayerName() throws Exception {
        ServerTlsConfig tlsConfig = ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID)
                .withClientAuth(ClientAuthMode.REQUIRE, pki.caCert(), null);
        try (TestServers.Running running = TestServers.Running.start(TestServers.config().build(), tlsConfig);
             ClientTls withCertificate = TestServers.clientTlsWithCertificate(pki);
             QuizTestClient client = QuizTestClient.connect(clientGroup, withCertificate,
                     running.server().localAddress())) {
            assertEquals(TestPki.CLIENT_NAME, client.hello("mallory", 0).playerName());
        }
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                violation("a second HELLO", ErrorCode.UNEXPECTED_MESSAGE, client -> {
                    client.hello("twice", 0);
                    client.next(Problem.class);
                    client.send(Hello.of("twice"));
                }),
                violation("ANSWER before WELCOME", ErrorCode.UNEXPECTED_MESSAGE,
                        client -> client.send(new Answer(1, "42"))),
                violation("BYE before WELCOME", ErrorCode.UNEXPECTED_MESSAGE, client -> client.send(new Bye())),
                violation("ANSWER for another problem", ErrorCode.WRONG_PROBLEM, client -> {
                    client.hello("confused", 0);
                    Problem problem = client.next(Problem.class);
                    client.send(new Answer(problem.problemId() + 5, "42"));
                }),
                violation("unsupported version", ErrorCode.UNSUPPORTED_VERSION,
                        client -> client.send(new Hello(7, "future", 0))),
                violation("empty name", ErrorCode.INVALID_FIELD, client -> client.send(Hello.of("   "))),
                violation("name too long", ErrorCode.INVALID_FIELD, client -> client.send(Hello.of("x".repeat(65)))),
                violation("control character in name", ErrorCode.INVALID_FIELD,
                        client -> client.send(Hello.of("eve\nINFO fake log line"))),
                violation("a server-to-client type", ErrorCode.WRONG_DIRECTION,
                        client -> client.sendRaw(frame(0x06, new byte[18]))),
                violation("an unknown type", ErrorCode.UNKNOWN_TYPE, client -> client.sendRaw(frame(0x7F, new byte[0]))),
                violation("a frame over the limit", ErrorCode.FRAME_TOO_LARGE,
                        client -> client.sendRaw(ByteBuffer.allocate(5).putInt(1 << 20).put((byte) 1).array())),
                violation("a truncated HELLO", ErrorCode.TRUNCATED, client -> client.sendRaw(frame(0x01, new byte[1]))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void violation_isAnsweredWithItsErrorAndTheServerKeepsServingOthers(String name, ErrorCode expected,
                                                                         Violation violation) throws Exception {
        try (QuizTestClient offender = connect()) {
            violation.commit(offender);
            ErrorMessage error = offender.expectErrorAndClose(expected);
            assertTrue(!error.message().isBlank(), "the ERROR explains itself");
        }
        try (QuizTestClient other = connect()) {
            TestServers.playCorrectly(other, sharedConfig(), "bystander");
        }
    }

    @Test
    void version2_whenTheClientAsksForIt_thenProblemsSayTheyTakeAWholeNumberAndVerdictsSayHowToAnswer()
            throws Exception {
        try (QuizTestClient client = connect()) {
            Welcome welcome = client.hello(Protocol.VERSION_2, "ada", 2);
            assertEquals(Protocol.VERSION_2, welcome.version());

            Problem problem = client.next(Problem.class);
            assertEquals(AnswerFormat.INTEGER, problem.format(), "arithmetic is answered with a whole number");
            assertEquals(List.of(), problem.choices());
            client.send(new Answer(problem.problemId(), "not a number"));
            Verdict verdict = client.next(Verdict.class);
            assertEquals(Outcome.WRONG, verdict.outcome(), "not an answer counts as wrong");
            assertEquals("not a whole number: answer digits with an optional sign, such as -12", verdict.feedback(),
                    "an answer of the wrong form is told how to answer");
            Problem second = client.next(Problem.class);
            assertEquals(AnswerFormat.INTEGER, second.format());
            client.send(new Answer(second.problemId(), "-0"));
            Verdict wrongNumber = client.next(Verdict.class);
            assertEquals("", wrongNumber.feedback(), "generated arithmetic has no author's feedback");
        }
    }

    @Test
    void version1_whenTheClientAsksForIt_thenProblemsReadAsFreeAnswersAsBefore() throws Exception {
        try (QuizTestClient client = connect()) {
            assertEquals(1, client.hello(1, "ada", 1).version());

            Problem problem = client.next(Problem.class);
            assertEquals(AnswerFormat.TEXT, problem.format(), "version 1 carries no format: a free answer");
            assertEquals(List.of(), problem.choices());
        }
    }

    @Test
    void unsupportedVersion_namesTheSupportedVersions() throws Exception {
        try (QuizTestClient client = connect()) {
            client.send(new Hello(7, "future", 0));
            assertEquals("protocol version 7 is not supported (supported: 1, 2)",
                    client.expectErrorAndClose(ErrorCode.UNSUPPORTED_VERSION).message());
        }
    }

    /** Something a misbehaving client does. */
    @FunctionalInterface
    interface Violation {
        void commit(QuizTestClient client) throws Exception;
    }

    private static Arguments violation(String name, ErrorCode expected, Violation violation) {
        return Arguments.of(name, expected, violation);
    }

    /** A raw frame: u32 length (type byte + payload), type, payload. */
    private static byte[] frame(int type, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length).putInt(1 + payload.length).put((byte) type).put(payload).array();
    }
}
