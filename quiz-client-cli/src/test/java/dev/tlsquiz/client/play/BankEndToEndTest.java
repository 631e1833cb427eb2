package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.server.config.QuestionBanks;
import dev.tlsquiz.server.quiz.QuestionOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A teacher's banks served by a real server and played by the real client from an answers file, as a
 * script would: every GIFT question type and a Kahoot-style CSV, judged as the bank says, with its feedback.
 */
class BankEndToEndTest {

    private static final String GIFT = """
            // Every kind a terminal quiz can ask, in file order.
            $CATEGORY: geo

            ::capital::What is the capital of France? {
            =Paris #Right, Paris since 508.
            ~Lyon #Lyon is the third largest city.
            ~Marseille
            }

            Which are prime? {
            ~%50%2
            ~%-100%4 #4 is 2 × 2.
            ~%50%7
            }

            The Earth is flat. {F}

            Name a noble gas. {=helium =neon =argon}

            Pi to two decimals? {#3.14:0.005}

            An essay the terminal cannot ask. {}
            """;

    private static final String CSV = """
            Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit (sec),Correct answer(s)
            "Largest planet, by mass?",Earth,Jupiter,Saturn,,20,2
            Which are oceans?,Atlantic,Sahara,Pacific,Alps,30,"1,3"
            """;

    @TempDir
    Path dir;

    private QuizServerFixture server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void giftBank_whenAnsweredFromAFile_thenEveryTypeJudgedAsTheBankSaysWithFeedback() throws Exception {
        Path bank = Files.writeString(dir.resolve("quiz.gift"), GIFT);
        server = QuizServerFixture.start(dir, builder -> builder.game(x -> x.withRounds(10)
                .withBanks(QuestionBanks.none().withFiles(List.of(bank)).withOrder(QuestionOrder.FILE))));
        Path answers = Files.writeString(dir.resolve("answers.txt"), "b\na, c\n2\nNeon\n3.141\n");

        ClientResult result = Clients.run(server.args("--answers", answers.toString(), "--output", "json"));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        assertEquals(5, result.events("welcome").get(0).get("rounds").asInt(), "min(rounds, questions): essay skipped");
        List<JsonNode> problems = result.events("problem");
        assertEquals(List.of("one_choice", "several_choices", "one_choice", "text", "number"),
                problems.stream().map(problem -> problem.get("format").asText()).toList(), result.toString());
        assertEquals(List.of("Paris", "Lyon", "Marseille"), texts(problems.get(0).get("choices")));
        List<JsonNode> verdicts = result.events("verdict");
        assertEquals(List.of("WRONG", "CORRECT", "CORRECT", "CORRECT", "CORRECT"),
                verdicts.stream().map(verdict -> verdict.get("outcome").asText()).toList(), result.toString());
        assertEquals("Lyon is the third largest city.", verdicts.get(0).get("feedback").asText());
        assertEquals("a) Paris", verdicts.get(0).get("expected").asText());
        assertEquals("a, c", verdicts.get(1).get("answer").asText(), "sent as written");
        assertEquals(4, result.events("summary").get(0).get("correct").asInt());
    }

    @Test
    void csvBank_whenAnsweredFromAFile_thenJudgedWithEachQuestionsOwnTimeLimit() throws Exception {
        Path bank = Files.writeString(dir.resolve("kahoot.csv"), CSV);
        server = QuizServerFixture.start(dir, builder -> builder.game(x -> x
                .withBanks(QuestionBanks.none().withFiles(List.of(bank)).withOrder(QuestionOrder.FILE))));
        Path answers = Files.writeString(dir.resolve("answers.txt"), "2\nc,a,b\n");

        ClientResult result = Clients.run(server.args("--answers", answers.toString(), "--output", "json"));

        assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
        List<JsonNode> problems = result.events("problem");
        assertEquals(List.of(20_000, 30_000),
                problems.stream().map(problem -> problem.get("timeLimitMillis").asInt()).toList(), result.toString());
        assertEquals("Largest planet, by mass?", problems.get(0).get("text").asText(), "a quoted comma stays in");
        List<JsonNode> verdicts = result.events("verdict");
        assertEquals(List.of("CORRECT", "WRONG"),
                verdicts.stream().map(verdict -> verdict.get("outcome").asText()).toList(), result.toString());
        assertEquals("a) Atlantic, c) Pacific", verdicts.get(1).get("expected").asText());
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
