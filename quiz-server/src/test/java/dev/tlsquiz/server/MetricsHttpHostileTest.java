package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.server.metrics.HttpProbe;
import dev.tlsquiz.server.metrics.MetricsHttpLimits;
import dev.tlsquiz.server.metrics.PrometheusServerMetrics;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile clients of the metrics listener: every bad request gets a status that says what was wrong,
 * the listener keeps serving, nothing leaks (the leak detector runs at PARANOID), and the quiz port is
 * not affected.
 */
class MetricsHttpHostileTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MAX_CONNECTIONS = 4;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private TestPki pki;
    private ServerTls tls;
    private PrometheusServerMetrics metrics;
    private QuizServer server;
    private InetSocketAddress http;
    private EventLoopGroup clients;

    @BeforeEach
    void start() throws Exception {
        pki = TestPki.create(dir);
        tls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID));
        clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        startServer(REQUEST_TIMEOUT);
    }

    private void startServer(Duration requestTimeout) throws Exception {
        metrics = new PrometheusServerMetrics();
        server = QuizServer.builder(TestServers.config().build()).tls(tls)
                .exposeMetrics(new InetSocketAddress("127.0.0.1", 0), metrics)
                .metricsLimits(MetricsHttpLimits.DEFAULTS.withMaxConnections(MAX_CONNECTIONS)
                        .withRequestTimeout(requestTimeout))
                .start();
        http = server.metricsAddress().orElseThrow();
    }

    private void stopServer() {
        server.close();
        metrics.close();
    }

    @AfterEach
    void stop() {
        stopServer();
        tls.close();
        clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aScrape_runsOnTheListenersOwnThread_notOnAnEventLoopThatServesPlayers() throws Exception {
        java.util.Set<String> scrapedOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
        io.micrometer.core.instrument.Gauge.builder("tlsquiz_test_scraped_on", () -> {
            scrapedOn.add(Thread.currentThread().getName());
            return 1;
        }).register(metrics.registry());

        HttpProbe.Response response = HttpProbe.get(http, "/metrics");

        assertEquals(200, response.status(), response::toString);
        assertEquals(1, scrapedOn.size(), scrapedOn::toString);
        assertTrue(scrapedOn.iterator().next().startsWith("tlsquiz-metrics"), scrapedOn::toString);
    }

    @Test
    void hugeUri_then414() throws Exception {
        HttpProbe.Response response = send("GET /metrics?" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(414, response.status(), response::toString);
        assertStillServing();
    }

    @Test
    void hugeHeaders_then431() throws Exception {
        StringBuilder request = new StringBuilder("GET /metrics HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 200; i++) {
            request.append("X-Filler-").append(i).append(": ").append("b".repeat(500)).append("\r\n");
        }
        HttpProbe.Response response = send(request.append("\r\n").toString());
        assertEquals(431, response.status(), response::toString);
        assertStillServing();
    }

    @Test
    void post_then405AllowingGet() throws Exception {
        HttpProbe.Response response = send("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        assertEquals(405, response.status(), response::toString);
        assertEquals("GET", response.header("allow"));
        for (String method : List.of("PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT")) {
            HttpProbe.Response other = send(method + " /health/ready HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(405, other.status(), method);
        }
        assertStillServing();
    }

    @Test
    void hugeBody_then413() throws Exception {
        HttpProbe.Response declared = send("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n"
                + "c".repeat(64 * 1024));
        assertEquals(413, declared.status(), declared::toString);
        StringBuilder chunked = new StringBuilder("GET /metrics HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 20; i++) {
            chunked.append("400\r\n").append("d".repeat(0x400)).append("\r\n");
        }
        HttpProbe.Response streamed = send(chunked.append("0\r\n\r\n").toString());
        assertEquals(413, streamed.status(), streamed::toString);
        assertStillServing();
    }

    @Test
    void unknownPathsAndGarbage_then404And400() throws Exception {
        for (String path : List.of("/", "/metrics/", "/metrics/../health/live", "/health", "/health/ready/x", "/METRICS",
                "/admin", "*")) {
            HttpProbe.Response response = HttpProbe.get(http, path);
            assertEquals(404, response.status(), path);
            assertTrue(response.body().contains("/metrics"), "the 404 names the paths served: " + response.body());
        }
        HttpProbe.Response query = HttpProbe.get(http, "/health/live?probe=1");
        assertEquals(200, query.status(), "a query string is ignored");
        HttpProbe.Response garbage = send("\u0000\u0001\u0002 \u00ff\u00fe\r\n\r\n");
        assertEquals(400, garbage.status(), garbage::toString);
        HttpProbe.Response tls = HttpProbe.send(http, new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5, '\r', '\n',
                '\r', '\n'});
        assertEquals(400, tls.status(), "a TLS client on the plain port: " + tls);
        assertStillServing();
    }

    @Test
    void slowloris_whenARequestTricklesIn_then408AtTheDeadlineWhateverTheTrickle() throws Exception {
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket()) {
            socket.connect(http, (int) WAIT.toMillis());
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("GET /metrics HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // One byte every 50 ms, without end: each would reset an idle timer, none moves the request deadline.
            ScheduledFuture<?> trickle = trickler.scheduleAtFixedRate(() -> {
                try {
                    out.write('z');
                    out.flush();
                } catch (IOException closed) {
                    throw new IllegalStateException("closed", closed);
                }
            }, 50, 50, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            HttpProbe.Response response = HttpProbe.read(socket.getInputStream());
            trickle.cancel(false);
            assertEquals(408, response.status(), response::toString);
            // Not a timing assert: a bound far above the deadline, proving only that it did not wait for the trickle to end.
            assertTrue(System.nanoTime() - started < WAIT.toNanos(), "answered at the deadline");
        } finally {
            trickler.shutdownNow();
        }
        assertStillServing();
    }

    @Test
    void manyConnections_thenTheOneOverTheCapIs503_andThePlayersAreServed() throws Exception {
        // The idle connections must outlast the whole test on a loaded machine: a request timeout of its own.
        stopServer();
        startServer(Duration.ofMinutes(5));
        List<Socket> idle = new ArrayList<>();
        try (ClientTls clientTls = TestServers.clientTls(pki)) {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                Socket socket = new Socket();
                socket.connect(http, (int) WAIT.toMillis());
                idle.add(socket);
            }
            // The idle ones hold every slot once the server has seen them; until then a probe may still get in,
            // and an idle one that came after it is the one refused: it is opened again, until all hold a slot.
            int[] last = new int[1];
            Conditions.await(() -> "a connection over the cap to be answered 503 (last: " + last[0] + ")", WAIT,
                    () -> reopenRefused(idle) && (last[0] = status("/health/live")) == 503);
            HttpProbe.Response refused = HttpProbe.get(http, "/metrics");
            assertEquals(503, refused.status());
            assertTrue(refused.body().contains("too many connections"), refused.body());

            // The quiz port does not notice.
            ServerConfig config = TestServers.config().build();
            try (QuizTestClient player = QuizTestClient.connect(clients, clientTls, server.localAddress())) {
                TestServers.playCorrectly(player, config, "ada");
            }
            // Once the idle connections go, their slots come back (their 408 at the deadline: the slowloris test).
            for (Socket socket : idle) {
                socket.close();
            }
            Conditions.await("the slots to be free again", WAIT, () -> status("/health/live") == 200);
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    /** Opens again each of {@code idle} the server answered (a 503) or closed; true once done. */
    private boolean reopenRefused(List<Socket> idle) {
        try {
            for (int i = 0; i < idle.size(); i++) {
                Socket socket = idle.get(i);
                socket.setSoTimeout(1);
                try {
                    socket.getInputStream().read();
                } catch (java.net.SocketTimeoutException stillOpen) {
                    continue;
                }
                socket.close();
                Socket again = new Socket();
                again.connect(http, (int) WAIT.toMillis());
                idle.set(i, again);
            }
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpProbe.Response send(String request) throws IOException {
        return HttpProbe.send(http, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private int status(String path) {
        try {
            return HttpProbe.get(http, path).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private void assertStillServing() throws IOException {
        assertEquals(200, HttpProbe.get(http, "/health/live").status());
        HttpProbe.Response scraped = HttpProbe.get(http, "/metrics");
        assertEquals(200, scraped.status());
        assertTrue(scraped.body().contains("tlsquiz_connections_open"), "a whole exposition");
    }
}
