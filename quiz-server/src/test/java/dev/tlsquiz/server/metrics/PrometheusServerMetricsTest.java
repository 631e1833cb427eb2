package dev.tlsquiz.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.MessageType;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.services.LimitHit;
import dev.tlsquiz.server.services.Resumption;
import dev.tlsquiz.server.services.ResultSink;
import dev.tlsquiz.server.services.SessionEnd;
import dev.tlsquiz.tls.ServerHandshakeFailure;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every hook of the Prometheus implementation moves its own series by exactly what was reported, and
 * nothing else; names and labels follow Prometheus conventions, which promtool checks.
 */
class PrometheusServerMetricsTest {

    private static final Pattern SAMPLE_NAME = Pattern.compile("^(tlsquiz_[a-z_]+)", Pattern.MULTILINE);

    @Test
    void everyHook_movesItsSeriesByExactlyWhatWasReported() throws Exception {
        try (PrometheusServerMetrics metrics = new PrometheusServerMetrics()) {
            metrics.connectionOpened();
            metrics.connectionOpened();
            metrics.connectionClosed();
            metrics.limitHit(LimitHit.MAX_CONNECTIONS);
            metrics.limitHit(LimitHit.MAX_CONNECTIONS_PER_IP);
            metrics.limitHit(LimitHit.MAX_CONNECTIONS_PER_IP);
            metrics.limitHit(LimitHit.MESSAGE_RATE);
            metrics.limitHit(LimitHit.SLOW_CONSUMER);
            metrics.handshakeCompleted(Resumption.FULL);
            metrics.handshakeCompleted(Resumption.RESUMED);
            metrics.handshakeCompleted(Resumption.UNKNOWN);
            metrics.handshakeFailed(ServerHandshakeFailure.Kind.CLIENT_CERTIFICATE_REVOKED);
            metrics.handshakeFailed(ServerHandshakeFailure.Kind.TIMEOUT);
            metrics.messageReceived(MessageType.HELLO);
            metrics.messageReceived(MessageType.ANSWER);
            metrics.messageReceived(MessageType.ANSWER);
            metrics.messageSent(MessageType.PROBLEM);
            metrics.errorSent(ErrorCode.RATE_LIMITED);
            metrics.sessionStarted();
            metrics.sessionStarted();
            metrics.sessionEnded(SessionEnd.BYE);
            metrics.judged(Judgement.CORRECT);
            metrics.judged(Judgement.TIMEOUT);
            metrics.answered(1_500_000_000L);
            metrics.roomOpened();
            metrics.roomOpened();
            metrics.roomClosed();
            metrics.roomPlayersChanged(5);
            metrics.roomPlayersChanged(-2);
            metrics.roomFanOut(3_000_000L);
            metrics.resultsWritten();
            metrics.resultsWritten();
            metrics.resultsWriteFailed();
            metrics.resultsRetried();
            metrics.bindServer(Map.of(), PooledByteBufAllocator.DEFAULT, new ResultSink() {
                @Override
                public int queued() {
                    return 7;
                }

                @Override
                public boolean accepting() {
                    return false;
                }
            });

            String text = scrape(metrics, MetricsFormat.PROMETHEUS_TEXT);
            assertEquals(1, Exposition.value(text, "tlsquiz_connections_open"));
            assertEquals(2, Exposition.value(text, "tlsquiz_connections_accepted_total"));
            assertEquals(1, Exposition.value(text, "tlsquiz_limit_refusals_total", "limit", "max_connections"));
            assertEquals(2, Exposition.value(text, "tlsquiz_limit_refusals_total", "limit", "max_connections_per_ip"));
            assertEquals(1, Exposition.value(text, "tlsquiz_limit_refusals_total", "limit", "message_rate"));
            assertEquals(1, Exposition.value(text, "tlsquiz_limit_refusals_total", "limit", "slow_consumer"));
            assertEquals(1, Exposition.value(text, "tlsquiz_tls_handshakes_total", "result", "success", "resumed", "false"));
            assertEquals(1, Exposition.value(text, "tlsquiz_tls_handshakes_total", "result", "success", "resumed", "true"));
            assertEquals(1, Exposition.value(text, "tlsquiz_tls_handshakes_total", "result", "success", "resumed", "unknown"));
            assertEquals(2, Exposition.value(text, "tlsquiz_tls_handshakes_total", "result", "failure"));
            assertEquals(1, Exposition.value(text, "tlsquiz_tls_handshake_failures_total", "reason", "client_certificate_revoked"));
            assertEquals(1, Exposition.value(text, "tlsquiz_tls_handshake_failures_total", "reason", "timeout"));
            assertEquals(0, Exposition.value(text, "tlsquiz_tls_handshake_failures_total", "reason", "not_tls"));
            assertEquals(1, Exposition.value(text, "tlsquiz_messages_received_total", "type", "HELLO"));
            assertEquals(2, Exposition.value(text, "tlsquiz_messages_received_total", "type", "ANSWER"));
            assertEquals(1, Exposition.value(text, "tlsquiz_messages_sent_total", "type", "PROBLEM"));
            assertEquals(0, Exposition.value(text, "tlsquiz_messages_sent_total", "type", "VERDICT"));
            assertEquals(1, Exposition.value(text, "tlsquiz_errors_sent_total", "code", "RATE_LIMITED"));
            assertEquals(2, Exposition.value(text, "tlsquiz_sessions_started_total"));
            assertEquals(1, Exposition.value(text, "tlsquiz_sessions_active"));
            assertEquals(1, Exposition.value(text, "tlsquiz_sessions_ended_total", "how", "bye"));
            assertEquals(1, Exposition.value(text, "tlsquiz_verdicts_total", "outcome", "correct"));
            assertEquals(1, Exposition.value(text, "tlsquiz_verdicts_total", "outcome", "timeout"));
            assertEquals(1, Exposition.value(text, "tlsquiz_answer_time_seconds_count"));
            assertEquals(1.5, Exposition.value(text, "tlsquiz_answer_time_seconds_sum"), 1e-9);
            assertEquals(0, Exposition.value(text, "tlsquiz_answer_time_seconds_bucket", "le", "1.0"));
            assertEquals(1, Exposition.value(text, "tlsquiz_answer_time_seconds_bucket", "le", "2.0"));
            assertEquals(2, Exposition.value(text, "tlsquiz_rooms_opened_total"));
            assertEquals(1, Exposition.value(text, "tlsquiz_rooms_open"));
            assertEquals(3, Exposition.value(text, "tlsquiz_room_players"));
            assertEquals(1, Exposition.value(text, "tlsquiz_room_fanout_seconds_count"));
            assertEquals(1, Exposition.value(text, "tlsquiz_room_fanout_seconds_bucket", "le", "0.005"));
            assertEquals(2, Exposition.value(text, "tlsquiz_results_writes_total"));
            assertEquals(1, Exposition.value(text, "tlsquiz_results_write_failures_total"));
            assertEquals(1, Exposition.value(text, "tlsquiz_results_retries_total"));
            assertEquals(7, Exposition.value(text, "tlsquiz_results_queued"));
            assertEquals(0, Exposition.value(text, "tlsquiz_results_accepting"));
            assertTrue(Exposition.find(text, "tlsquiz_netty_allocator_used_bytes", "area", "direct").isPresent(), text);
            assertTrue(Exposition.find(text, "jvm_memory_used_bytes", "area", "heap", "id", "G1 Eden Space").isPresent()
                    || text.contains("jvm_memory_used_bytes{"), "the JVM's metrics are bound");
        }
    }

    @Test
    void exposition_passesPromtool_inBothFormatsTheSameSeries() throws Exception {
        Promtool.assumeInstalled();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try (PrometheusServerMetrics metrics = new PrometheusServerMetrics()) {
            metrics.bindServer(Map.of("worker", loops), PooledByteBufAllocator.DEFAULT, ResultSink.none());
            metrics.answered(2_000_000_000L);
            metrics.roomFanOut(1_000_000L);
            String text = scrape(metrics, MetricsFormat.PROMETHEUS_TEXT);
            Promtool.Result checked = Promtool.checkMetrics(text);
            assertEquals(0, checked.exitCode(), checked.output() + "\n" + text);
            assertEquals("", checked.output().strip(), "promtool found lint problems:\n" + checked.output());

            String open = scrape(metrics, MetricsFormat.OPENMETRICS);
            assertTrue(open.endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
            assertEquals(names(text), names(open), "the same tlsquiz_ series in both formats");
            assertEquals(2, Exposition.find(text, "tlsquiz_event_loop_pending_tasks", "group", "worker", "loop", "1")
                    .stream().count() + Exposition.find(text, "tlsquiz_event_loop_pending_tasks", "group", "worker",
                    "loop", "0").stream().count(), "one gauge per event loop");
        } finally {
            loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void counters_endInTotal_andLabelsComeFromFixedSets() throws Exception {
        try (PrometheusServerMetrics metrics = new PrometheusServerMetrics()) {
            String text = scrape(metrics, MetricsFormat.PROMETHEUS_TEXT);
            Matcher types = Pattern.compile("^# TYPE (tlsquiz_\\S+) (\\S+)$", Pattern.MULTILINE).matcher(text);
            int counters = 0;
            while (types.find()) {
                if (types.group(2).equals("counter")) {
                    counters++;
                    assertTrue(types.group(1).endsWith("_total"), types.group(0));
                }
            }
            assertEquals(14, counters, "counter families of the server's own");
            // Every label value of ours is a word from an enum, a loop index or a bucket bound: no addresses or names.
            for (String line : text.split("\n")) {
                if (line.startsWith("tlsquiz_")) {
                    Matcher labels = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(line);
                    while (labels.find()) {
                        assertTrue(labels.group(2).matches("[A-Za-z0-9_.+-]{1,40}"), line);
                    }
                }
            }
        }
    }

    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        Matcher m = SAMPLE_NAME.matcher(exposition);
        while (m.find()) {
            // OpenMetrics writes counters' samples as NAME_total and _created; keep what both have.
            names.add(m.group(1).replaceAll("_created$", ""));
        }
        names.removeIf(n -> n.endsWith("_created"));
        return names;
    }

    static String scrape(PrometheusServerMetrics metrics, MetricsFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.scrape(out, format);
        return out.toString(StandardCharsets.UTF_8);
    }
}
