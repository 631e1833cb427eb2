package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.Bye;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.server.metrics.Exposition;
import dev.tlsquiz.server.metrics.HttpProbe;
import dev.tlsquiz.server.metrics.PrometheusServerMetrics;
import dev.tlsquiz.server.metrics.Promtool;
import dev.tlsquiz.server.services.ResultSink;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.ClientTlsConfig;
import dev.tlsquiz.tls.ClientTrust;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --metrics} listener of a real server, with real TLS clients over loopback: each kind of
 * event moves its counters by exactly what the test did; promtool accepts what a server that has seen
 * every kind of event exposes; readiness says 503 while the server drains for shutdown, before the
 * players still connected are closed, and while the results store is full.
 */
class MetricsEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

    @TempDir
    Path dir;

    private TestPki pki;
    private EventLoopGroup clients;

    @BeforeEach
    void setUp() {
        pki = TestPki.create(dir);
        clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterEach
    void tearDown() {
        clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void everyKindOfEvent_movesItsCountersByExactlyWhatHappened_andPromtoolAcceptsTheExposition() throws Exception {
        ServerConfig config = TestServers.config()
                .limits(x -> x.withMaxConnectionsPerIp(2))
                .timeouts(x -> x.withHandshakeTimeout(Duration.ofSeconds(5)))
                .build();
        try (PrometheusServerMetrics metrics = new PrometheusServerMetrics();
             ServerTls tls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID));
             QuizServer server = QuizServer.builder(config).tls(tls).exposeMetrics(ANY_LOOPBACK_PORT, metrics).start();
             ClientTls clientTls = TestServers.clientTls(pki)) {
            InetSocketAddress quiz = server.localAddress();
            InetSocketAddress http = server.metricsAddress().orElseThrow();

            // A whole game, played right: 3 rounds.
            try (QuizTestClient player = QuizTestClient.connect(clients, clientTls, quiz)) {
                TestServers.playCorrectly(player, config, "ada");
            }
            // An ANSWER before HELLO: ERROR UNEXPECTED_MESSAGE, and no session started.
            try (QuizTestClient rude = QuizTestClient.connect(clients, clientTls, quiz)) {
                rude.send(new Answer(1, "1"));
                rude.expectErrorAndClose(ErrorCode.UNEXPECTED_MESSAGE);
            }
            // HELLO, the first PROBLEM, then BYE: SUMMARY, a session ended by BYE.
            try (QuizTestClient quitter = QuizTestClient.connect(clients, clientTls, quiz)) {
                quitter.hello("grace", 0);
                quitter.next(Problem.class);
                quitter.send(new Bye());
                quitter.next(Summary.class);
                quitter.assertClosedByServer();
            }
            // Plain text on the TLS port: a failed handshake, not TLS.
            try (Socket plain = new Socket("127.0.0.1", quiz.getPort())) {
                plain.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                plain.setSoTimeout((int) WAIT.toMillis());
                while (plain.getInputStream().read() >= 0) {
                    // Drain until the server closes.
                }
            }
            // A client that trusts another CA refuses the server's certificate.
            assertHandshakeFails(quiz);
            // Two silent connections from 127.0.0.2 fill its per-address limit; a third is refused; the two time out.
            List<Socket> silent = new ArrayList<>();
            try {
                silent.add(connectFrom("127.0.0.2", quiz));
                silent.add(connectFrom("127.0.0.2", quiz));
                Conditions.await("both silent connections admitted", WAIT,
                        () -> gauge(http, "tlsquiz_connections_open") == 2);
                assertTrue(resetAtOnce("127.0.0.2", quiz), "the connection over the limit is reset");
                Conditions.await("the silent connections to time out", WAIT,
                        () -> gauge(http, "tlsquiz_tls_handshake_failures_total", "reason", "timeout") == 2);
            } finally {
                for (Socket socket : silent) {
                    socket.close();
                }
            }
            Conditions.await("every connection closed", WAIT, () -> gauge(http, "tlsquiz_connections_open") == 0);
            // The room and results-store hooks have no driver on this server yet: reported through the implementation.
            metrics.roomOpened();
            metrics.roomPlayersChanged(2);
            metrics.roomFanOut(2_000_000);
            metrics.resultsWritten();
            metrics.resultsWriteFailed();
            metrics.resultsRetried();

            HttpProbe.Response scraped = HttpProbe.get(http, "/metrics");
            assertEquals(200, scraped.status(), scraped::toString);
            assertTrue(scraped.header("content-type").startsWith("text/plain; version=0.0.4"), scraped::toString);
            String text = scraped.body();

            assertEquals(7, value(text, "tlsquiz_connections_accepted_total"), "3 players, plain text, untrusting, 2 silent");
            assertEquals(1, value(text, "tlsquiz_limit_refusals_total", "limit", "max_connections_per_ip"));
            assertEquals(0, value(text, "tlsquiz_limit_refusals_total", "limit", "max_connections"));
            double succeeded = value(text, "tlsquiz_tls_handshakes_total", "result", "success", "resumed", "false")
                    + value(text, "tlsquiz_tls_handshakes_total", "result", "success", "resumed", "true")
                    + value(text, "tlsquiz_tls_handshakes_total", "result", "success", "resumed", "unknown");
            assertEquals(3, succeeded, "one handshake per player");
            if (OpenSsl.isAvailable()) {
                assertEquals(0, value(text, "tlsquiz_tls_handshakes_total", "result", "success", "resumed", "unknown"),
                        "OpenSSL tells whether a handshake resumed");
            }
            assertEquals(4, value(text, "tlsquiz_tls_handshakes_total", "result", "failure"));
            assertEquals(1, value(text, "tlsquiz_tls_handshake_failures_total", "reason", "not_tls"));
            assertEquals(1, value(text, "tlsquiz_tls_handshake_failures_total", "reason", "server_certificate_refused"));
            assertEquals(2, value(text, "tlsquiz_tls_handshake_failures_total", "reason", "timeout"));
            assertEquals(2, value(text, "tlsquiz_sessions_started_total"));
            assertEquals(0, value(text, "tlsquiz_sessions_active"));
            assertEquals(1, value(text, "tlsquiz_sessions_ended_total", "how", "completed"));
            assertEquals(1, value(text, "tlsquiz_sessions_ended_total", "how", "bye"));
            assertEquals(0, value(text, "tlsquiz_sessions_ended_total", "how", "disconnected"));
            assertEquals(3, value(text, "tlsquiz_verdicts_total", "outcome", "correct"));
            assertEquals(0, value(text, "tlsquiz_verdicts_total", "outcome", "wrong"));
            assertEquals(3, value(text, "tlsquiz_answer_time_seconds_count"));
            assertEquals(2, value(text, "tlsquiz_messages_received_total", "type", "HELLO"));
            assertEquals(4, value(text, "tlsquiz_messages_received_total", "type", "ANSWER"));
            assertEquals(1, value(text, "tlsquiz_messages_received_total", "type", "BYE"));
            assertEquals(2, value(text, "tlsquiz_messages_sent_total", "type", "WELCOME"));
            assertEquals(4, value(text, "tlsquiz_messages_sent_total", "type", "PROBLEM"));
            assertEquals(3, value(text, "tlsquiz_messages_sent_total", "type", "VERDICT"));
            assertEquals(2, value(text, "tlsquiz_messages_sent_total", "type", "SUMMARY"));
            assertEquals(1, value(text, "tlsquiz_messages_sent_total", "type", "ERROR"));
            assertEquals(1, value(text, "tlsquiz_errors_sent_total", "code", "UNEXPECTED_MESSAGE"));
            assertEquals(1, value(text, "tlsquiz_rooms_open"));
            assertEquals(2, value(text, "tlsquiz_room_players"));
            assertEquals(1, value(text, "tlsquiz_results_writes_total"));
            assertEquals(0, value(text, "tlsquiz_results_queued"));
            assertEquals(1, value(text, "tlsquiz_results_accepting"));
            assertTrue(Exposition.find(text, "tlsquiz_event_loop_pending_tasks", "group", "worker", "loop", "0").isPresent(),
                    "the workers' pending tasks");
            assertTrue(Exposition.find(text, "tlsquiz_netty_allocator_used_bytes", "area", "direct").isPresent(),
                    "the allocator's memory");
            assertTrue(text.contains("\njvm_threads_live_threads "), "the JVM's metrics");

            Promtool.Result checked = Promtool.checkMetrics(text);
            assertEquals(0, checked.exitCode(), checked.output());
            assertEquals("", checked.output().strip(), "promtool found lint problems:\n" + checked.output());

            HttpProbe.Response openMetrics = HttpProbe.get(http, "/metrics",
                    "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
            assertEquals(200, openMetrics.status());
            assertTrue(openMetrics.header("content-type").startsWith("application/openmetrics-text"), openMetrics::toString);
            assertTrue(openMetrics.body().endsWith("# EOF\n"));
        }
    }

    @Test
    void messageFlood_thenOneMessageRateRefusalAndOneRateLimitedError_andPongsCountedAsSent() throws Exception {
        ServerConfig config = TestServers.config().limits(x -> x.withMaxMessagesPerSecond(5)).build();
        try (PrometheusServerMetrics metrics = new PrometheusServerMetrics();
             ServerTls tls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID));
             QuizServer server = QuizServer.builder(config).tls(tls).exposeMetrics(ANY_LOOPBACK_PORT, metrics).start();
             ClientTls clientTls = TestServers.clientTls(pki)) {
            InetSocketAddress http = server.metricsAddress().orElseThrow();
            int pongs = 0;
            try (QuizTestClient flooder = QuizTestClient.connect(clients, clientTls, server.localAddress())) {
                flooder.sendRaw(pings(100));
                QuizMessage reply;
                while ((reply = flooder.next()) instanceof Pong) {
                    pongs++;
                }
                assertEquals(ErrorCode.RATE_LIMITED.code(), ((ErrorMessage) reply).code());
                flooder.assertClosedByServer();
            }
            Conditions.await("the flooder's connection closed", WAIT, () -> gauge(http, "tlsquiz_connections_open") == 0);
            String text = HttpProbe.get(http, "/metrics").body();
            assertEquals(1, value(text, "tlsquiz_limit_refusals_total", "limit", "message_rate"));
            assertEquals(1, value(text, "tlsquiz_errors_sent_total", "code", "RATE_LIMITED"));
            assertEquals(pongs, value(text, "tlsquiz_messages_sent_total", "type", "PONG"), "every PONG the client read");
            double pings = value(text, "tlsquiz_messages_received_total", "type", "PING");
            assertTrue(pings > pongs && pings <= 100, "PINGs decoded, the dropped ones included: " + pings);
            assertEquals(0, value(text, "tlsquiz_sessions_started_total"), "no HELLO, no session");
        }
    }

    @Test
    void readiness_whenTheServerDrains_then503BeforeThePlayersAreClosed() throws Exception {
        ServerConfig config = TestServers.config().build();
        try (PrometheusServerMetrics metrics = new PrometheusServerMetrics();
             ServerTls tls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID));
             ClientTls clientTls = TestServers.clientTls(pki)) {
            QuizServer server = QuizServer.builder(config).tls(tls).exposeMetrics(ANY_LOOPBACK_PORT, metrics).start();
            InetSocketAddress http = server.metricsAddress().orElseThrow();
            assertEquals(200, HttpProbe.get(http, "/health/ready").status());
            assertEquals(200, HttpProbe.get(http, "/health/live").status());
            try (QuizTestClient player = QuizTestClient.connect(clients, clientTls, server.localAddress())) {
                player.hello("ada", 0);
                player.next(Problem.class);
                Thread shutdown = new Thread(() -> server.shutdownGracefully(Duration.ofMinutes(2)), "shutdown");
                shutdown.start();
                Conditions.await("readiness to turn 503", WAIT, () -> status(http, "/health/ready") == 503);
                HttpProbe.Response ready = HttpProbe.get(http, "/health/ready");
                assertEquals(503, ready.status());
                assertTrue(ready.body().contains("draining"), ready.body());
                assertTrue(player.isOpen(), "the player in a game is still connected while the server drains");
                assertEquals(200, HttpProbe.get(http, "/health/live").status(), "the process still serves");

                server.endGracePeriod();
                player.expectErrorAndClose(ErrorCode.SERVER_SHUTTING_DOWN);
                shutdown.join(WAIT.toMillis());
                assertFalse(shutdown.isAlive(), "the shutdown finished");
            }
            assertThrows(IOException.class, () -> HttpProbe.get(http, "/health/live"),
                    "a stopped server's metrics port is closed");
        }
    }

    @Test
    void readiness_whenTheResultsStoreIsFull_then503UntilItDrains() throws Exception {
        AtomicBoolean accepting = new AtomicBoolean(true);
        ResultSink results = new ResultSink() {
            @Override
            public boolean accepting() {
                return accepting.get();
            }
        };
        try (PrometheusServerMetrics metrics = new PrometheusServerMetrics();
             ServerTls tls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID));
             QuizServer server = QuizServer.builder(TestServers.config().build()).tls(tls).results(results)
                     .exposeMetrics(ANY_LOOPBACK_PORT, metrics).start()) {
            InetSocketAddress http = server.metricsAddress().orElseThrow();
            assertEquals(200, HttpProbe.get(http, "/health/ready").status());
            accepting.set(false);
            HttpProbe.Response busy = HttpProbe.get(http, "/health/ready");
            assertEquals(503, busy.status());
            assertTrue(busy.body().contains("results store"), busy.body());
            assertEquals(0, value(HttpProbe.get(http, "/metrics").body(), "tlsquiz_results_accepting"));
            assertEquals(200, HttpProbe.get(http, "/health/live").status(), "busy is not dead");
            accepting.set(true);
            assertEquals(200, HttpProbe.get(http, "/health/ready").status());
        }
    }

    @Test
    void start_whenTheMetricsPortIsTaken_thenCannotListenNamingMetrics() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
             PrometheusServerMetrics metrics = new PrometheusServerMetrics();
             ServerTls tls = ServerTls.open(ServerTlsConfig.of(pki.serverCert(), pki.serverKey(), Protocol.ALPN_ID))) {
            ServerStartException e = assertThrows(ServerStartException.class, () ->
                    QuizServer.builder(TestServers.config().build()).tls(tls)
                            .exposeMetrics(new InetSocketAddress("127.0.0.1", taken.getLocalPort()), metrics).start());
            assertEquals(ServerStartException.Reason.CANNOT_LISTEN, e.reason());
            assertTrue(e.getMessage().contains("--metrics"), e.getMessage());
        }
    }

    private void assertHandshakeFails(InetSocketAddress quiz) throws Exception {
        Path otherCa = pki.otherCa().cert();
        try (ClientTls untrusting = ClientTls.create(ClientTlsConfig.of(new ClientTrust.CaFile(otherCa), Protocol.ALPN_ID))) {
            Channel channel = new Bootstrap().group(clients).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(untrusting.newHandler(ch.alloc(), "localhost", quiz.getPort()));
                        }
                    }).connect(quiz).syncUninterruptibly().channel();
            var handshake = channel.pipeline().get(SslHandler.class).handshakeFuture();
            assertTrue(handshake.await(WAIT.toMillis()), "the handshake ended");
            assertFalse(handshake.isSuccess(), "a client that does not trust the server's CA refuses it");
            assertTrue(channel.closeFuture().await(WAIT.toMillis()), "closed");
        }
    }

    /** {@code count} PING frames back to back: length 9, type 0x08, a u64 token. */
    private static byte[] pings(int count) {
        java.io.ByteArrayOutputStream frames = new java.io.ByteArrayOutputStream(count * 13);
        for (int i = 0; i < count; i++) {
            frames.writeBytes(new byte[] {0, 0, 0, 9, 0x08, 0, 0, 0, 0, 0, 0, 0, (byte) i});
        }
        return frames.toByteArray();
    }

    private static Socket connectFrom(String local, InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(server, (int) WAIT.toMillis());
        return socket;
    }

    /**
     * Whether a connection from {@code local} is reset (or closed) without a byte: the reset may come
     * while the connect is still returning, or at the first read.
     */
    private static boolean resetAtOnce(String local, InetSocketAddress server) throws IOException {
        try (Socket socket = connectFrom(local, server)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private static int status(InetSocketAddress http, String path) {
        try {
            return HttpProbe.get(http, path).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private static double gauge(InetSocketAddress http, String name, String... labels) {
        try {
            return value(HttpProbe.get(http, "/metrics").body(), name, labels);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static double value(String text, String name, String... labels) {
        return Exposition.value(text, name, labels);
    }
}
