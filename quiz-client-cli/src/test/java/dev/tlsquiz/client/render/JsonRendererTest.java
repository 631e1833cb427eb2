package dev.tlsquiz.client.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The exact JSON lines scripts parse: field order, number forms, nulls and non-ASCII text. The session
 * id is a string in the server's log form (hex), since 64-bit numbers do not survive jq or JavaScript.
 */
class JsonRendererTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final JsonRenderer renderer = new JsonRenderer(utf8(out), utf8(err));

    @Test
    void events_whenRendered_thenOneObjectPerLineInFieldOrder() {
        Problem problem = new Problem(1, 1, 5, 20_000, "27 × 71", AnswerFormat.INTEGER, List.of());
        renderer.welcome(new Welcome(1, -2L, 5, 20_000, "ada \"the\" first", "tlsquiz/0.1.0"), true);
        renderer.problem(problem);
        renderer.verdict(new Verdict(1, Outcome.CORRECT, "1917", 149, 149), problem, "1917");
        renderer.verdict(new Verdict(2, Outcome.TIMEOUT, "-85", 0, 149, "take your time"), null, null);
        renderer.problem(new Problem(3, 3, 5, 20_000, "pick some", AnswerFormat.SEVERAL_CHOICES, List.of("a", "b")));
        renderer.summary(new SessionSummary(2, 4, 5, 308, 159, 2, OptionalLong.of(2_345), false));

        assertEquals(String.join("\n",
                "{\"type\":\"welcome\",\"sessionId\":\"fffffffffffffffe\",\"rounds\":5,\"timeLimitMillis\":20000,"
                        + "\"playerName\":\"ada \\\"the\\\" first\",\"nameVerified\":true,\"server\":\"tlsquiz/0.1.0\"}",
                "{\"type\":\"problem\",\"problemId\":1,\"round\":1,\"rounds\":5,\"text\":\"27 × 71\","
                        + "\"timeLimitMillis\":20000,\"format\":\"integer\",\"choices\":[]}",
                "{\"type\":\"verdict\",\"problemId\":1,\"round\":1,\"outcome\":\"CORRECT\",\"answer\":\"1917\","
                        + "\"expected\":\"1917\",\"points\":149,\"score\":149,\"feedback\":\"\"}",
                "{\"type\":\"verdict\",\"problemId\":2,\"outcome\":\"TIMEOUT\",\"answer\":null,\"expected\":\"-85\",\"points\":0,"
                        + "\"score\":149,\"feedback\":\"take your time\"}",
                "{\"type\":\"problem\",\"problemId\":3,\"round\":3,\"rounds\":5,\"text\":\"pick some\","
                        + "\"timeLimitMillis\":20000,\"format\":\"several_choices\",\"choices\":[\"a\",\"b\"]}",
                "{\"type\":\"summary\",\"correct\":2,\"answered\":4,\"total\":5,\"score\":308,\"durationMillis\":159,"
                        + "\"accuracyPercent\":50.0,\"bestStreak\":2,\"averageAnswerMillis\":2345,\"partial\":false}",
                ""), out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void summary_whenNothingAnsweredAndCutOff_thenAveragesAreNullAndPartialIsTrue() {
        renderer.summary(new SessionSummary(0, 0, 2, 0, 4_000, 0, OptionalLong.empty(), true));

        assertEquals("{\"type\":\"summary\",\"correct\":0,\"answered\":0,\"total\":2,\"score\":0,"
                + "\"durationMillis\":4000,\"accuracyPercent\":null,\"bestStreak\":0,\"averageAnswerMillis\":null,"
                + "\"partial\":true}\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void failure_whenNoProtocolCode_thenCodeIsNullAndTheLineGoesToStderrToo() {
        renderer.failure(new ClientFailure(3, "CONNECT_FAILED", "could not connect to localhost:1: connection refused",
                null));

        assertEquals("{\"type\":\"error\",\"code\":null,\"name\":\"CONNECT_FAILED\","
                + "\"message\":\"could not connect to localhost:1: connection refused\",\"exitCode\":3}\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals("quiz: could not connect to localhost:1: connection refused\n",
                err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream utf8(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
