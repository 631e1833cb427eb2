package dev.tlsquiz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    @TempDir
    Path dir;

    @Test
    void run_whenSeveralRuns_thenMediansRatiosTableAndChartWritten() throws Exception {
        Path raw = Files.createDirectories(dir.resolve("raw"));
        for (int i = 1; i <= 3; i++) {
            write(raw, "roundtrips__quiz__" + i, "roundtrips", "roundtrips", 9_000 + i * 1_000, 100 * i);
        }
        write(raw, "roundtrips__netty_echo__1", "roundtrips", "roundtrips", 20_000, 80);
        write(raw, "roundtrips__python_seed__1", "roundtrips", "roundtrips", 1_000, 5_000);
        write(raw, "handshakes__quiz__1", "handshakes", "full_handshakes", 700, 9_000);
        write(raw, "handshakes__openssl_s_server__1", "handshakes", "full_handshakes", 1_000, 4_000);
        write(raw, "handshakes__haproxy__1", "handshakes", "full_handshakes", 2_000, 3_000);
        // The sweep: the quiz server keeps p99 within 5 ms up to 2,000/s, the echo peer up to 4,000/s.
        sweep(raw, "quiz", 1_000, 900, 0);
        sweep(raw, "quiz", 2_000, 4_000, 0);
        sweep(raw, "quiz", 4_000, 9_000, 0);
        sweep(raw, "netty_echo", 1_000, 300, 0);
        sweep(raw, "netty_echo", 2_000, 400, 0);
        sweep(raw, "netty_echo", 4_000, 800, 0);
        sweep(raw, "netty_echo", 8_000, 1_000, 3); // within the bound, but with errors: not kept
        Files.writeString(raw.resolve("idle__quiz__1.json"), "{\"scenario\":\"idle\",\"connections\":2000,"
                + "\"metrics\":[],\"gauges\":{\"held_sessions\":2000}}");
        Files.writeString(raw.resolve("idle_memory.json"), "{\"baseline_heap_bytes\":1000000,"
                + "\"holding_heap_bytes\":9000000,\"baseline_rss_bytes\":0,\"holding_rss_bytes\":20480000}");
        Files.writeString(raw.resolve("machine.json"), "{\"nproc\":2,\"mode\":\"quick\"}");
        Path markdown = dir.resolve("BENCHMARKS.md");
        Files.writeString(markdown, "# Benchmarks\n\nprose\n" + BenchReport.BEGIN + "\nold\n" + BenchReport.END
                + "\n\nmore prose\n");

        BenchReport.run(new String[] {"--runs", raw.toString(), "--json", dir.resolve("latest.json").toString(),
                "--markdown", markdown.toString(), "--chart", dir.resolve("latency.png").toString(), "--p99-bound-us", "5000"});

        JsonNode latest = new ObjectMapper().readTree(dir.resolve("latest.json").toFile());
        assertEquals(11_000.0, latest.path("roundtrips_per_s").path("quiz").asDouble(), "the median of 3 runs");
        assertEquals(0.55, latest.path("ratios").path("roundtrips_quiz_to_netty_echo").asDouble(), 1e-9);
        assertEquals(11.0, latest.path("ratios").path("roundtrips_quiz_to_python_seed").asDouble(), 1e-9);
        assertEquals(0.7, latest.path("ratios").path("handshakes_quiz_to_openssl_s_server").asDouble(), 1e-9);
        assertEquals(0.35, latest.path("ratios").path("handshakes_quiz_to_haproxy").asDouble(), 1e-9);
        assertEquals(4_000, latest.path("heap_bytes_per_idle_session").asLong());
        assertEquals(10_240, latest.path("rss_bytes_per_idle_session").asLong());
        assertEquals(2_000, latest.path("idle_sessions").asLong());
        assertEquals(2_000.0, latest.path("rate_within_p99_bound_per_s").path("quiz").asDouble());
        assertEquals(4_000.0, latest.path("rate_within_p99_bound_per_s").path("netty_echo").asDouble());
        assertEquals(false, latest.path("rate_within_p99_bound_capped").path("netty_echo").asBoolean());
        assertEquals(0.5, latest.path("ratios").path("rate_within_p99_bound_quiz_to_netty_echo").asDouble(), 1e-9);
        assertEquals(List.of(1_000.0, 2_000.0, 4_000.0), offered(latest.path("sweep").path("quiz")));
        assertEquals(3, latest.path("runs").path("roundtrips__quiz").size());

        String md = Files.readString(markdown);
        assertTrue(md.startsWith("# Benchmarks\n\nprose\n"), md);
        assertTrue(md.endsWith("\n\nmore prose\n"), md);
        assertTrue(md.contains("| 11,000 | Netty echo 20,000 | 0.55× |"), md);
        assertTrue(!md.contains("old"), md);
        assertTrue(md.contains("| 2,000 | Netty echo 4,000 | 0.50× |"), md);
        assertTrue(md.contains("| 700 | HAProxy (2 threads) 2,000 | 0.35× |"), md);
        assertTrue(md.contains("| 8,000 | - | - | - | 8,000 | 100 | 1,000 (3 errors) |"), md);

        BufferedImage chart = ImageIO.read(dir.resolve("latency.png").toFile());
        assertEquals(900, chart.getWidth());
    }

    @Test
    void splice_whenNoMarkers_thenSectionAppended() {
        assertEquals("text\n" + BenchReport.BEGIN + "\nnew\n" + BenchReport.END + "\n",
                BenchReport.splice("text", "new\n"));
    }

    private static List<Double> offered(JsonNode points) {
        List<Double> rates = new ArrayList<>();
        points.forEach(p -> rates.add(p.path("offered_per_s").asDouble()));
        return rates;
    }

    /** One open-loop run of the sweep: p99 is {@code p99Micros} exactly, p50 a tenth of it. */
    private static void sweep(Path raw, String peer, double rate, double p99Micros, long errors) throws Exception {
        String latency = String.format(Locale.ROOT, "{\"count\":1,\"mean\":%1$s,\"p50\":%1$s,\"p90\":%2$s,"
                + "\"p99\":%2$s,\"p999\":%2$s,\"max\":%2$s}", p99Micros / 10, p99Micros);
        Files.writeString(raw.resolve("sweep__" + peer + "__" + (long) rate + ".json"), String.format(Locale.ROOT,
                "{\"scenario\":\"roundtrips\",\"rateTarget\":%s,\"connections\":100,\"metrics\":[{\"name\":"
                        + "\"roundtrips\",\"perSecond\":%s,\"latencyMicros\":%s}],\"gauges\":{},\"errors\":%s}",
                rate, rate, latency, errors > 0 ? "{\"closed_by_peer\":" + errors + "}" : "{}"));
    }

    private static void write(Path raw, String name, String scenario, String metric, double perSecond, double micros)
            throws Exception {
        String latency = String.format(Locale.ROOT, "{\"count\":1,\"mean\":%1$s,\"p50\":%1$s,\"p90\":%1$s,"
                + "\"p99\":%2$s,\"p999\":%1$s,\"max\":%1$s}", micros, micros * 0.99);
        Files.writeString(raw.resolve(name + ".json"), String.format(Locale.ROOT,
                "{\"scenario\":\"%s\",\"rateTarget\":0,\"connections\":100,\"metrics\":[{\"name\":\"%s\","
                        + "\"perSecond\":%s,\"latencyMicros\":%s}],\"gauges\":{}}", scenario, metric, perSecond, latency));
    }
}
