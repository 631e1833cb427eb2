package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.bank.BankReloader;
import dev.tlsquiz.server.bank.InvalidBankException;
import dev.tlsquiz.server.config.QuestionBanks;
import dev.tlsquiz.server.quiz.QuestionOrder;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Servers that ask the questions of GIFT and CSV banks ({@code --bank}), over real TLS on loopback:
 * judging of every answer format with feedback, the orders, the number of rounds, categories, version 1
 * clients, reloading and banks that cannot be served.
 */
class BankServerTest {

    /** Every kind of GIFT question, in two categories; feedback on some answers. */
    private static final String GIFT = """
            // a teacher's bank
            $CATEGORY: geo

            ::capital::Capital of France? {=Paris#right, Paris ~Lyon#no, that is Lyon ~Nice}

            ::primes::Which are prime? {~%50%2 ~%50%3 ~%-100%4#4 \\= 2 × 2}

            ::earth::The earth is flat. {F#wrong: it is round#right}

            $CATEGORY: math/easy

            ::pi::Pi to two decimals? {#3.14:0.005}

            ::colour::A colour of the French flag? {=blue =white =red#yes, red}

            ::six::Six times seven? {#42}
            """;

    /** Kahoot's layout: a header row, a question with its own time limit, one with several right answers. */
    private static final String CSV = """
            Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit (sec),Correct answer(s)
            2 + 2?,3,4,5,,5,2
            "Pick the even ones, please",1,2,3,4,,"2,4"
            """;

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static EventLoopGroup clientGroup;
    private static ClientTls clientTls;
    private static ServerTls serverTls;

    @BeforeAll
    static void setUp() throws Exception {
        pki = TestPki.create(dir);
        clientGroup = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        clientTls = TestServers.clientTls(pki);
        serverTls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID));
    }

    @AfterAll
    static void tearDown() {
        serverTls.close();
        clientTls.close();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void gift_version2_everyFormatJudgedAsTheBankSaysWithFeedback() throws Exception {
        Path bank = write("every.gift", GIFT);
        try (QuizServer server = start(banks(bank).withOrder(QuestionOrder.FILE));
             QuizTestClient client = connect(server)) {
            Welcome welcome = client.hello(Protocol.VERSION_2, "ada", Hello.SERVER_DEFAULT_ROUNDS);
            assertEquals(6, welcome.rounds(), "min(--rounds 10, 6 questions)");

            Problem capital = problem(client, "Capital of France?", AnswerFormat.ONE_CHOICE, "Paris", "Lyon", "Nice");
            assertEquals(new Verdict(capital.problemId(), Outcome.WRONG, "a) Paris", 0, 0, "no, that is Lyon"),
                    answer(client, capital, "b"));

            Problem primes = problem(client, "Which are prime?", AnswerFormat.SEVERAL_CHOICES, "2", "3", "4");
            Verdict primesRight = answer(client, primes, "a,b");
            assertEquals(Outcome.CORRECT, primesRight.outcome());
            assertEquals("a) 2, b) 3", primesRight.expected());

            Problem earth = problem(client, "The earth is flat.", AnswerFormat.ONE_CHOICE, "True", "False");
            Verdict earthWrong = answer(client, earth, "a");
            assertEquals(Outcome.WRONG, earthWrong.outcome());
            assertEquals("wrong: it is round", earthWrong.feedback());
            assertTrue(earthWrong.expected().contains("False"), earthWrong.expected());

            Problem pi = problem(client, "Pi to two decimals?", AnswerFormat.NUMBER);
            Verdict piRight = answer(client, pi, "3.141");
            assertEquals(Outcome.CORRECT, piRight.outcome());
            assertTrue(piRight.expected().contains("3.14"), piRight.expected());

            Problem colour = problem(client, "A colour of the French flag?", AnswerFormat.TEXT);
            Verdict colourRight = answer(client, colour, "  RED ");
            assertEquals(Outcome.CORRECT, colourRight.outcome());
            assertEquals("yes, red", colourRight.feedback());

            Problem six = problem(client, "Six times seven?", AnswerFormat.NUMBER);
            Verdict notANumber = answer(client, six, "forty-two");
            assertEquals(Outcome.WRONG, notANumber.outcome(), "not an answer is wrong on the wire");
            assertTrue(notANumber.feedback().contains("number"), notANumber.feedback());
            assertEquals(0, notANumber.points());

            Summary summary = client.next(Summary.class);
            assertEquals(3, summary.correct());
            assertEquals(6, summary.total());
        }
    }

    @Test
    void csv_version2_judgedWithTheQuestionsOwnTimeLimitAndSeveralRightAnswers() throws Exception {
        Path bank = write("quiz.csv", CSV);
        try (QuizServer server = start(banks(bank).withOrder(QuestionOrder.FILE));
             QuizTestClient client = connect(server)) {
            assertEquals(2, client.hello(Protocol.VERSION_2, "ada", 5).rounds());

            Problem sum = problem(client, "2 + 2?", AnswerFormat.ONE_CHOICE, "3", "4", "5");
            assertEquals(5_000, sum.timeLimitMillis(), "the CSV's own time limit");
            Verdict sumRight = answer(client, sum, "2");
            assertEquals(Outcome.CORRECT, sumRight.outcome());
            assertEquals("b) 4", sumRight.expected());

            Problem even = problem(client, "Pick the even ones, please", AnswerFormat.SEVERAL_CHOICES,
                    "1", "2", "3", "4");
            assertEquals(20_000, even.timeLimitMillis(), "no time limit in the row: --time-limit");
            Verdict evenHalf = answer(client, even, "b");
            assertEquals(Outcome.WRONG, evenHalf.outcome(), "every right choice, or it is wrong");
            assertEquals("b) 2, d) 4", evenHalf.expected());
            assertEquals(1, client.next(Summary.class).correct());
        }
    }

    @Test
    void version1_choicesAnsweredByTheirTextAndFreeAnswers_andSeveralChoicesRefuseVersion1() throws Exception {
        Path bank = write("v1.gift", GIFT.replace("::primes::Which are prime? {~%50%2 ~%50%3 ~%-100%4#4 \\= 2 × 2}\n", ""));
        try (QuizServer server = start(banks(bank).withOrder(QuestionOrder.FILE));
             QuizTestClient client = connect(server)) {
            assertEquals(5, client.hello(1, "old", 0).rounds());
            Problem capital = problem(client, "Capital of France?", AnswerFormat.ONE_CHOICE, "Paris", "Lyon", "Nice");
            Verdict right = answer(client, capital, " paris ");
            assertEquals(Outcome.CORRECT, right.outcome(), "the choice's text, trimmed and ignoring case");
            assertEquals("a) Paris", right.expected());
            assertEquals("", right.feedback(), "version 1 carries no feedback");
        }
        try (QuizServer server = start(banks(bank).withOrder(QuestionOrder.FILE));
             QuizTestClient client = connect(server)) {
            client.hello(1, "old", 0);
            Problem capital = problem(client, "Capital of France?", AnswerFormat.ONE_CHOICE, "Paris", "Lyon", "Nice");
            assertEquals(Outcome.WRONG, answer(client, capital, "Lyon").outcome());
            Problem earth = problem(client, "The earth is flat.", AnswerFormat.ONE_CHOICE, "True", "False");
            assertEquals(Outcome.CORRECT, answer(client, earth, "False").outcome());
            Problem pi = problem(client, "Pi to two decimals?", AnswerFormat.TEXT);
            assertEquals(Outcome.CORRECT, answer(client, pi, "3.14").outcome());
            Problem colour = problem(client, "A colour of the French flag?", AnswerFormat.TEXT);
            assertEquals(Outcome.CORRECT, answer(client, colour, "white").outcome());
            Problem six = problem(client, "Six times seven?", AnswerFormat.TEXT);
            assertEquals(Outcome.WRONG, answer(client, six, "2").outcome(),
                    "a number is not mapped to a choice where there are none");
            assertEquals(3, client.next(Summary.class).correct());
        }

        Path several = write("several.gift", GIFT);
        try (QuizServer server = start(banks(several));
             QuizTestClient client = connect(server)) {
            client.send(new Hello(1, "old", 0));
            ErrorMessage refused = client.expectErrorAndClose(ErrorCode.UNSUPPORTED_VERSION);
            assertEquals("this server's questions need protocol version 2 (several-choice questions); update the client",
                    refused.message());
        }
    }

    @Test
    void order_fileAsksInFileOrder_shuffleWithASeedIsTheSameForEverySession() throws Exception {
        StringBuilder text = new StringBuilder();
        List<String> inFileOrder = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            text.append("Question ").append(i).append("? {=answer").append(i).append("}\n\n");
            inFileOrder.add("Question " + i + "?");
        }
        Path bank = write("twenty.gift", text.toString());
        try (QuizServer server = start(banks(bank).withOrder(QuestionOrder.FILE))) {
            assertEquals(inFileOrder, texts(server, 20));
        }
        List<String> shuffled;
        try (QuizServer server = start(banks(bank), rules -> rules.withSeed(7))) {
            shuffled = texts(server, 20);
            assertEquals(shuffled, texts(server, 20), "--seed: every session the same order");
        }
        assertNotEquals(inFileOrder, shuffled);
        assertEquals(inFileOrder.stream().sorted().toList(), shuffled.stream().sorted().toList(),
                "each question once");
        try (QuizServer server = start(banks(bank), rules -> rules.withSeed(7))) {
            assertEquals(shuffled, texts(server, 20), "the same seed, the same order on another server");
        }
    }

    @Test
    void rounds_withoutRepeatAtMostTheQuestionsAvailable_withRepeatAsManyAsAsked() throws Exception {
        Path bank = write("three.gift", "One? {=1}\n\nTwo? {=2}\n\nThree? {=3}\n");
        try (QuizServer server = start(banks(bank))) {
            try (QuizTestClient client = connect(server)) {
                assertEquals(3, client.hello(Protocol.VERSION_2, "ada", 10).rounds());
            }
            try (QuizTestClient client = connect(server)) {
                assertEquals(2, client.hello(Protocol.VERSION_2, "ada", 2).rounds());
            }
        }
        try (QuizServer server = start(banks(bank).withRepeat(true));
             QuizTestClient client = connect(server)) {
            assertEquals(7, client.hello(Protocol.VERSION_2, "ada", 7).rounds());
            List<String> asked = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                Problem problem = client.next(Problem.class);
                asked.add(problem.text());
                answer(client, problem, "1");
            }
            assertEquals(7, client.next(Summary.class).total());
            assertEquals(List.of("One?", "Three?", "Two?"), asked.subList(0, 3).stream().sorted().toList(),
                    "every question once before any comes again");
        }
    }

    @Test
    void category_asksOnlyThatCategoryAndItsSubcategories_andAnEmptyOneRefusesToStart() throws Exception {
        Path bank = write("categories.gift", GIFT);
        try (QuizServer server = start(banks(bank).withCategory("math").withOrder(QuestionOrder.FILE))) {
            assertEquals(List.of("Pi to two decimals?", "A colour of the French flag?", "Six times seven?"),
                    texts(server, 10));
        }
        InvalidBankException e = assertThrows(InvalidBankException.class,
                () -> start(banks(bank).withCategory("history")));
        assertEquals(List.of("--category history: no question of the banks is in this category"
                + " (categories: geo, math/easy); pass one of them"), e.lines());
    }

    @Test
    void invalidOrHostileBank_refusesToStartWithTheLinesOfBankCheck() throws Exception {
        Path broken = write("broken.gift", "Fine? {=yes}\n\nUnclosed? {=no\n");
        InvalidBankException e = assertThrows(InvalidBankException.class, () -> start(banks(broken)));
        assertTrue(e.lines().get(0).startsWith(broken + ":3:"), e.lines().toString());
        assertEquals(broken + ": invalid, 1 error", e.lines().get(e.lines().size() - 1));

        Path hostile = write("hostile.gift", "Clear the screen \u001b[2J? {=yes}\n");
        InvalidBankException escape = assertThrows(InvalidBankException.class, () -> start(banks(hostile)));
        assertTrue(escape.lines().get(0).startsWith(hostile + ":1:18: "), escape.lines().toString());
        assertTrue(escape.lines().get(0).contains("control character"), escape.lines().toString());

        Path slow = write("slow.csv", "Think hard?,yes,no,,,30,1\n");
        InvalidBankException tooLong = assertThrows(InvalidBankException.class, () -> start(banks(slow)));
        assertTrue(tooLong.lines().get(0).startsWith(slow + ":1:"), tooLong.lines().toString());
        assertTrue(tooLong.lines().get(0).contains("not shorter than --idle-timeout (30s)"), tooLong.lines().toString());

        InvalidBankException missing = assertThrows(InvalidBankException.class,
                () -> start(banks(dir.resolve("missing.gift"))));
        assertTrue(missing.lines().get(0).startsWith(dir.resolve("missing.gift") + ": invalid, cannot read it"),
                missing.lines().toString());
    }

    @Test
    void limits_comeFromMaxFrameBytes_soAQuestionThatWouldNotFitAFrameRefusesToStart() throws Exception {
        String text = "x".repeat(1500) + "?";
        Path big = write("big.gift", text + " {=yes}\n");
        try (QuizServer server = start(banks(big))) {
            assertEquals(List.of(text), texts(server, 1), "fits the default 16 KiB frames");
        }
        ServerConfig smallFrames = ServerConfig.builder().listening(x -> x.withPort(0))
                .game(x -> x.withBanks(banks(big))).limits(x -> x.withMaxFrameBytes(1024)).build();
        InvalidBankException e = assertThrows(InvalidBankException.class,
                () -> QuizServer.builder(smallFrames).tls(serverTls).start());
        assertTrue(e.lines().get(0).startsWith(big + ":1:"), e.lines().toString());
        assertTrue(e.lines().get(0).contains("1024"), e.lines().toString());
    }

    @Test
    void reload_aGoodChangeReachesNewSessions_runningSessionsKeepTheirs_aBrokenChangeKeepsTheOld() throws Exception {
        Path bank = write("live.gift", "Old one? {=1}\n\nOld two? {=2}\n");
        Logger reloads = (Logger) LoggerFactory.getLogger(BankReloader.class);
        BlockingQueue<ILoggingEvent> logged = new LinkedBlockingQueue<>();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                logged.add(event);
            }
        };
        Level previous = reloads.getLevel();
        reloads.setLevel(Level.INFO);
        capture.start();
        reloads.addAppender(capture);
        try (QuizServer server = QuizServer.builder(config(banks(bank).withOrder(QuestionOrder.FILE), r -> r))
                .tls(serverTls).bankReloadInterval(Duration.ofMillis(100)).start();
             QuizTestClient running = connect(server)) {
            assertEquals(2, running.hello(Protocol.VERSION_2, "early", 0).rounds());
            Problem old = running.next(Problem.class);
            assertEquals("Old one?", old.text());

            replace(bank, "New one? {=1}\n\nNew two? {=2}\n\nNew three? {=3}\n");
            waitForFirstQuestion(server, "New one?");
            answer(running, old, "1");
            assertEquals("Old two?", running.next(Problem.class).text(), "a running session keeps its questions");

            logged.clear();
            replace(bank, "Broken? {=1\n");
            ILoggingEvent warning = logged.poll(20, TimeUnit.SECONDS);
            assertTrue(warning != null && warning.getLevel() == Level.WARN, String.valueOf(warning));
            assertTrue(warning.getFormattedMessage().contains("new sessions keep the previous 3 questions"),
                    warning.getFormattedMessage());
            assertTrue(warning.getFormattedMessage().contains(bank + ":1:"), warning.getFormattedMessage());
            assertEquals(List.of("New one?", "New two?", "New three?"), texts(server, 10),
                    "the broken version is not served");
        } finally {
            reloads.detachAppender(capture);
            capture.stop();
            reloads.setLevel(previous);
        }
    }

    private static QuestionBanks banks(Path... files) {
        return QuestionBanks.none().withFiles(List.of(files));
    }

    private static ServerConfig config(QuestionBanks banks, UnaryOperator<dev.tlsquiz.server.config.GameRules> more) {
        return ServerConfig.builder()
                .listening(x -> x.withPort(0))
                .game(x -> more.apply(x.withBanks(banks).withTimeLimit(Duration.ofSeconds(20))))
                .timeouts(x -> x.withIdleTimeout(Duration.ofSeconds(30)).withShutdownGrace(Duration.ZERO))
                .build();
    }

    private static QuizServer start(QuestionBanks banks) throws ServerStartException {
        return start(banks, rules -> rules);
    }

    private static QuizServer start(QuestionBanks banks, UnaryOperator<dev.tlsquiz.server.config.GameRules> more)
            throws ServerStartException {
        return QuizServer.builder(config(banks, more)).tls(serverTls).start();
    }

    private static QuizTestClient connect(QuizServer server) throws Exception {
        return QuizTestClient.connect(clientGroup, clientTls, server.localAddress());
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Replaces the file at once, as an editor saving by rename does: a reader never sees half of it. */
    private static void replace(Path file, String text) throws IOException {
        Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), text, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The next PROBLEM, which must have this text, format and choices. */
    private static Problem problem(QuizTestClient client, String text, AnswerFormat format, String... choices)
            throws InterruptedException {
        Problem problem = client.next(Problem.class);
        assertEquals(text, problem.text());
        assertEquals(format, problem.format(), text);
        assertEquals(List.of(choices), problem.choices(), text);
        return problem;
    }

    private static Verdict answer(QuizTestClient client, Problem problem, String text) throws InterruptedException {
        client.send(new Answer(problem.problemId(), text));
        return client.next(Verdict.class);
    }

    /** The texts of the first {@code count} problems of a new session (fewer when it asks fewer). */
    private static List<String> texts(QuizServer server, int count) throws Exception {
        try (QuizTestClient client = connect(server)) {
            int rounds = client.hello(Protocol.VERSION_2, "ada", count).rounds();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                Problem problem = client.next(Problem.class);
                texts.add(problem.text());
                answer(client, problem, "x");
            }
            return texts;
        }
    }

    /** Starts sessions until one's first question is {@code text}; fails after 20 s. */
    private static void waitForFirstQuestion(QuizServer server, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Optional<String> first = Optional.empty();
        while (System.nanoTime() < deadline) {
            first = texts(server, 1).stream().findFirst();
            if (first.equals(Optional.of(text))) {
                return;
            }
        }
        throw new AssertionError("no new session asked '" + text + "' within 20 s; the last asked " + first);
    }
}
