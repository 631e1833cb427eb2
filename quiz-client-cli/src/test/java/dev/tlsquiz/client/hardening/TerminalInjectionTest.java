package dev.tlsquiz.client.hardening;

import static dev.tlsquiz.tls.testing.HostileText.assertNothingForTheTerminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientProcess;
import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.Clients;
import dev.tlsquiz.client.testing.QuizServerFixture;
import dev.tlsquiz.client.testing.RawTlsServer;
import dev.tlsquiz.client.testing.ScriptedInput;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.testing.HostileText;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hostile server, or an impostor's certificate, tries to drive the player's terminal with the text it
 * controls: escape sequences that clear the screen, hide text, set the title or write the clipboard, C1
 * controls, bidirectional overrides and forged lines. Whatever the client prints must show them as
 * visible escapes and never pass one through raw.
 */
class TerminalInjectionTest {

    /** The name of an impostor's CA (63 characters: a CN holds 64): it redraws the screen, hides what follows. */
    private static final String HOSTILE_CA = HostileText.wrap("tlsquiz CA");
    /** The impostor's server certificate's CN. */
    private static final String HOSTILE_CN = HostileText.HIDE + "localhost" + HostileText.RIGHT_TO_LEFT;

    @TempDir
    Path dir;

    private QuizServerFixture server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void trustPrompt_whenCertificateNamesHoldEscapes_thenShowsThemVisiblyNextToTheRealPin(String provider)
            throws Exception {
        TestPki.HostileServer impostor = startImpostor("localhost");
        String pin = Fingerprints.publicKeyPin(impostor.server().certificate());
        ScriptedInput keyboard = new ScriptedInput();
        Clients.Background run = new Clients.Background(keyboard, true,
                server.argsWithoutCa("--auto", "--tls-provider", provider));

        run.err().await("[y/N] ");
        String prompt = run.err().text();
        keyboard.type("n");
        ClientResult result = run.await();

        assertNothingForTheTerminal(prompt);
        // The DN's own escaping (RFC 2253) puts a backslash before ';' and '=', as in "0\;owned".
        assertTrue(prompt.contains("  issuer:      CN=\\x1b[2J\\x1b[H\\x1b]0"), HostileText.visible(prompt));
        assertTrue(prompt.contains("tlsquiz CA\\u202eevil\\x9b2J\\x0d\\x0a\\x1b]52"),
                HostileText.visible(prompt));
        assertTrue(prompt.contains("  subject:     CN=\\x1b[8mlocalhost\\u202e\n"), HostileText.visible(prompt));
        assertTrue(prompt.contains("  key pin:     " + pin + "\n"), HostileText.visible(prompt));
        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), result.toString());
        assertNothingForTheTerminal(result.err());
        assertFalse(Files.exists(server.knownHosts()), "a refused server must not be remembered");
    }

    @Test
    void hostnameMismatch_whenCertificateNamesHoldEscapes_thenTheFailureShowsThemVisibly() throws Exception {
        // A dNSName is an IA5String: 7-bit, so no C1 controls or bidi overrides, but ESC and BEL fit.
        String hostileSan = "quiz" + HostileText.CLEAR_SCREEN + HostileText.TITLE + ".example";
        TestPki.HostileServer impostor = startImpostor(hostileSan);

        ClientResult text = Clients.run(server.argsWithoutCa("--auto", "--cafile", impostor.caCert().toString()));
        ClientResult json = Clients.run(server.argsWithoutCa("--auto", "--cafile", impostor.caCert().toString(),
                "--output", "json"));

        assertEquals(ExitCodes.TLS_FAILED, text.exitCode(), text.toString());
        assertTrue(text.err().contains("it names: quiz\\x1b[2J\\x1b[H\\x1b]0;owned\\x07.example"),
                HostileText.visible(text.toString()));
        assertNothingForTheTerminal(text.out());
        assertNothingForTheTerminal(text.err());
        assertEquals(ExitCodes.TLS_FAILED, json.exitCode(), json.toString());
        assertNothingForTheTerminal(json.out());
        assertNothingForTheTerminal(json.err());
        // JSON keeps the exact text for scripts, escaped the JSON way.
        JsonNode error = json.events("error").get(0);
        assertTrue(error.get("message").asText().contains("it names: " + hostileSan), json.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void play_whenServerStringsHoldEscapes_thenNoneReachesTheTerminal(String format) throws Exception {
        TestPki pki = TestPki.create(dir);
        try (RawTlsServer hostile = RawTlsServer.speaking(pki, HostileSession::new)) {
            String answers = "4" + HostileText.TITLE + "2\n";

            ClientResult result = Clients.run(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)),
                    false, "play", "--host", "127.0.0.1", "--port", Integer.toString(hostile.port()),
                    "--cafile", pki.caCert().toString(), "--known-hosts", dir.resolve("kh").toString(),
                    "--name", "tester", "--output", format);

            assertEquals(ExitCodes.PROTOCOL_ERROR, result.exitCode(), result.toString());
            assertNothingForTheTerminal(result.out());
            assertNothingForTheTerminal(result.err());
            if (format.equals("json")) {
                List<String> types = result.jsonLines().stream().map(event -> event.get("type").asText()).toList();
                assertEquals(List.of("welcome", "problem", "verdict", "error"), types, result.toString());
                // Scripts still get the exact strings, escaped the JSON way.
                JsonNode welcome = result.events("welcome").get(0);
                assertEquals(HostileText.wrap("name"), welcome.get("playerName").asText());
                assertEquals(HostileText.wrap("server"), welcome.get("server").asText());
                JsonNode problem = result.events("problem").get(0);
                assertEquals(HostileText.wrap("problem"), problem.get("text").asText());
                assertEquals(HostileText.wrap("choice"), problem.get("choices").get(1).asText());
                assertEquals(HostileText.wrap("expected"), result.events("verdict").get(0).get("expected").asText());
                assertTrue(result.err().contains("error\\u202eevil"), HostileText.visible(result.err()));
            } else {
                String all = result.out() + result.err();
                for (String field : List.of("name", "server", "problem", "choice", "expected", "error")) {
                    assertTrue(all.contains(field + "\\u202eevil\\x9b2J\\x0d\\x0a\\x1b]52;c;"),
                            field + " missing in\n" + HostileText.visible(all));
                }
                assertTrue(result.out().contains("4\\x1b]0;owned\\x072\n"), HostileText.visible(result.out()));
                // The scripted answer names no choice: a warning quoting it (escaped), then the failure line.
                assertEquals(2, result.err().lines().count(), HostileText.visible(result.err()));
                assertTrue(result.err().startsWith("answers line 1: '4\\x1b]0;owned\\x072' is not a choice"),
                        HostileText.visible(result.err()));
            }
        }
    }

    @Test
    void verbose_whenAnImpostorIsRefusedWithoutATerminal_thenTheLoggedStackTraceIsEscapedToo() throws Exception {
        startImpostor("localhost");
        ClientResult result = ClientProcess.run(dir, server.argsWithoutCa("--auto", "--verbose"));

        assertEquals(ExitCodes.TLS_FAILED, result.exitCode(), HostileText.visible(result.toString()));
        assertTrue(result.err().contains("UnknownServerKeyException"), HostileText.visible(result.err()));
        assertTrue(result.err().contains("issuer CN=\\x1b[2J"), HostileText.visible(result.err()));
        assertNothingForTheTerminal(result.out());
        assertNothingForTheTerminal(result.err(), true);
    }

    /** Starts a real quiz server presenting the impostor's certificate, with {@code dnsName} as its SAN. */
    private TestPki.HostileServer startImpostor(String dnsName) throws Exception {
        TestPki.HostileServer impostor = TestPki.create(Files.createDirectories(dir.resolve("impostor")))
                .hostileServer(HOSTILE_CA, HOSTILE_CN, dnsName);
        server = QuizServerFixture.start(dir, builder -> builder
                .tls(x -> x.withCertificate(impostor.server().cert(), impostor.server().key())));
        return impostor;
    }

    /**
     * A server whose every string is hostile: WELCOME's player and server names, the problem and its
     * choices, the verdict's expected answer, then an ERROR. Each string carries its field's name.
     */
    private static final class HostileSession extends SimpleChannelInboundHandler<QuizMessage> {

        private static final long PROBLEM_ID = 1;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
            if (message instanceof Hello) {
                ctx.write(new Welcome(Protocol.VERSION, 7, 2, 30_000, HostileText.wrap("name"),
                        HostileText.wrap("server")));
                ctx.writeAndFlush(new Problem(PROBLEM_ID, 1, 2, 30_000, HostileText.wrap("problem"),
                        List.of("42", HostileText.wrap("choice"))));
            } else if (message instanceof Answer answer && answer.problemId() == PROBLEM_ID) {
                ctx.write(new Verdict(PROBLEM_ID, Outcome.WRONG, HostileText.wrap("expected"), 0, 0));
                ctx.writeAndFlush(new ErrorMessage(ErrorCode.INTERNAL_ERROR, HostileText.wrap("error")))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
