package dev.tlsquiz.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsquiz.server.Conditions;
import dev.tlsquiz.server.services.ResultSink;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files an operator uses beside the server agree with it: promtool accepts {@code ops/prometheus.yml}
 * and every query of the Grafana dashboard; the dashboard and the README's metrics table name only
 * metrics the server exposes, and the table names every one of the server's own.
 */
class OpsFilesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern METRIC = Pattern.compile("\\b((?:tlsquiz|jvm|process|system)_[a-z0-9_]+)\\b");

    private static EventLoopGroup loops;
    private static String exposition;

    @TempDir
    Path dir;

    @BeforeAll
    static void scrape() throws Exception {
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (PrometheusServerMetrics metrics = new PrometheusServerMetrics()) {
            metrics.bindServer(Map.of("worker", loops), PooledByteBufAllocator.DEFAULT, ResultSink.none());
            // The JVM's GC pause timer exists once a GC has been reported, which happens on a thread of the JVM's:
            // ask for GCs until it is there.
            String[] scraped = new String[1];
            Conditions.await("the JVM's GC pause timer", Duration.ofSeconds(60), () -> {
                System.gc();
                scraped[0] = scrapeQuietly(metrics);
                return scraped[0].contains("\njvm_gc_pause_seconds_sum{");
            });
            exposition = scraped[0];
        }
    }

    @AfterAll
    static void stopLoops() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void prometheusConfig_passesPromtool() throws Exception {
        Promtool.Result checked = Promtool.checkConfig(REPO.resolve("ops/prometheus.yml"));
        assertEquals(0, checked.exitCode(), checked.output());
    }

    @Test
    void dashboard_queriesArePromqlThatPromtoolAccepts_andNameOnlyExposedMetrics() throws Exception {
        List<String> queries = dashboardQueries();
        assertTrue(queries.size() >= 20, "queries in the dashboard: " + queries.size());
        Set<String> unknown = new TreeSet<>();
        for (String query : queries) {
            Matcher names = METRIC.matcher(query);
            while (names.find()) {
                if (!exposition.contains("\n" + names.group(1) + "{") && !exposition.contains("\n" + names.group(1) + " ")) {
                    unknown.add(names.group(1));
                }
            }
        }
        assertEquals(Set.of(), unknown, "metrics the dashboard asks for and the server does not expose");

        // Each query as a recording rule: promtool parses its PromQL (Grafana's variables given values).
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < queries.size(); i++) {
            String expr = queries.get(i).replace("$instance", ".*").replace("$__rate_interval", "1m");
            rules.append("      - record: dashboard_query_").append(i).append("\n        expr: '")
                    .append(expr.replace("'", "''")).append("'\n");
        }
        Path file = dir.resolve("dashboard-rules.yml");
        Files.writeString(file, rules, StandardCharsets.UTF_8);
        Promtool.Result checked = Promtool.checkRules(file);
        assertEquals(0, checked.exitCode(), checked.output() + "\n" + rules);
    }

    @Test
    void readmeTable_namesEveryServerMetric_andNoOther() throws Exception {
        String readme = Files.readString(REPO.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Metrics and health");
        assertTrue(start >= 0, "the README has its Metrics and health section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);

        Set<String> exposed = new TreeSet<>();
        Matcher types = Pattern.compile("^# TYPE (tlsquiz_\\S+) (\\S+)$", Pattern.MULTILINE).matcher(exposition);
        while (types.find()) {
            exposed.add(types.group(1));
        }
        Set<String> documented = new TreeSet<>();
        Matcher rows = Pattern.compile("^\\| `(tlsquiz_[a-z0-9_]+)` \\|", Pattern.MULTILINE).matcher(section);
        while (rows.find()) {
            documented.add(rows.group(1));
        }
        assertEquals(exposed, documented, "the README's metrics table against the exposition");
    }

    private static String scrapeQuietly(PrometheusServerMetrics metrics) {
        try {
            return PrometheusServerMetricsTest.scrape(metrics, MetricsFormat.PROMETHEUS_TEXT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> dashboardQueries() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(REPO.resolve("ops/grafana/tlsquiz-dashboard.json").toFile());
        assertEquals("tlsquiz", dashboard.path("uid").asText());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        return queries;
    }
}
