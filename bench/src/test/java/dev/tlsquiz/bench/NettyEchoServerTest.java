package dev.tlsquiz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsquiz.bench.load.QuizBenchMain;
import dev.tlsquiz.tls.TlsProvider;
import dev.tlsquiz.tls.Transport;
import dev.tlsquiz.tls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The echo peer under the real load generator: round trips come back, nothing fails. */
class NettyEchoServerTest {

    @TempDir
    Path dir;

    @Test
    void roundtrips_whenDrivenByQuizBench_thenEveryFrameEchoed() throws Exception {
        TestPki pki = TestPki.create(dir);
        try (NettyEchoServer echo = NettyEchoServer.start(pki.serverCert(), pki.serverKey(), TlsProvider.AUTO,
                "127.0.0.1", 0, Transport.AUTO, 2)) {
            assertTrue(echo.listeningLine().startsWith("listening on 127.0.0.1:" + echo.localAddress().getPort()));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = QuizBenchMain.run(new String[] {"--scenario", "roundtrips", "--peer", "echo",
                            "--host", "127.0.0.1", "--port", Integer.toString(echo.localAddress().getPort()),
                            "--cafile", pki.caCert().toString(), "--connections", "3", "--duration", "1s",
                            "--warmup", "0s", "--threads", "1", "--output", "json"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
            JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
            assertEquals("roundtrips", result.path("metrics").path(0).path("name").asText());
            assertTrue(result.path("metrics").path(0).path("count").asLong() > 0, result.toString());
            assertEquals(0, result.path("errors").size(), result.path("errors").toString());
        }
    }
}
