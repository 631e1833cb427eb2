package dev.tlsquiz.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Turns the raw results of a {@code scripts/bench} run into {@code bench/results/latest.json}, the
 * generated part of {@code BENCHMARKS.md} and {@code bench/results/latency.png}.
 *
 * <pre>
 * java -cp bench-peers-all.jar dev.tlsquiz.bench.BenchReport --runs DIR --json latest.json \
 *      --markdown BENCHMARKS.md --chart latency.png
 * </pre>
 *
 * {@code DIR} holds {@code SCENARIO__PEER__N.json} files (see {@link RunSet}), {@code machine.json}
 * (written by the script: CPU, memory, JVM) and {@code idle_memory.json} (the quiz server's heap and
 * resident memory before and while holding the idle sessions). The Markdown goes between the
 * {@code <!-- bench:begin -->} and {@code <!-- bench:end -->} markers; the rest of the file is kept.
 */
public final class BenchReport {

    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";

    private final ObjectMapper json = new ObjectMapper();
    private final RunSet runs;
    private final JsonNode machine;
    private final JsonNode idleMemory;

    private BenchReport(RunSet runs, JsonNode machine, JsonNode idleMemory) {
        this.runs = runs;
        this.machine = machine;
        this.idleMemory = idleMemory;
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("bench report: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args) throws IOException {
        Path dir = null;
        Path jsonOut = null;
        Path markdown = null;
        Path chart = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--runs" -> dir = Path.of(args[i + 1]);
                case "--json" -> jsonOut = Path.of(args[i + 1]);
                case "--markdown" -> markdown = Path.of(args[i + 1]);
                case "--chart" -> chart = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --runs DIR --json FILE --markdown FILE --chart FILE");
            }
        }
        if (dir == null || jsonOut == null || markdown == null || chart == null) {
            throw new IllegalArgumentException("usage: BenchReport --runs DIR --json FILE --markdown FILE --chart FILE");
        }
        ObjectMapper mapper = new ObjectMapper();
        BenchReport report = new BenchReport(RunSet.load(dir, mapper), readOptional(mapper, dir.resolve("machine.json")),
                readOptional(mapper, dir.resolve("idle_memory.json")));
        ObjectNode summary = report.summary();
        mapper.writerWithDefaultPrettyPrinter().writeValue(jsonOut.toFile(), summary);
        report.writeChart(chart);
        String section = MarkdownReport.render(summary, chart.getFileName().toString());
        Files.writeString(markdown, splice(Files.exists(markdown) ? Files.readString(markdown) : "", section),
                StandardCharsets.UTF_8);
    }

    private static JsonNode readOptional(ObjectMapper mapper, Path file) throws IOException {
        return Files.exists(file) ? mapper.readTree(file.toFile()) : mapper.createObjectNode();
    }

    /** {@code text} with the part between the markers replaced by {@code section} (appended if none). */
    static String splice(String text, String section) {
        String block = BEGIN + "\n" + section + END;
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + block + "\n";
        }
        return text.substring(0, begin) + block + text.substring(end + END.length());
    }

    /** Every headline figure, the medians per scenario and peer, and each run's figures. */
    ObjectNode summary() {
        ObjectNode root = json.createObjectNode();
        root.put("generated", Instant.now().toString());
        root.set("machine", machine);

        ObjectNode roundtrips = root.putObject("roundtrips_per_s");
        for (String peer : List.of("quiz", "netty_echo", "python_seed")) {
            putRate(roundtrips, peer, "roundtrips__" + peer, "roundtrips");
        }
        ObjectNode handshakes = root.putObject("handshakes_per_s");
        ObjectNode resumed = root.putObject("resumed_handshakes_per_s");
        for (String peer : List.of("quiz", "openssl_s_server")) {
            putRate(handshakes, peer, "handshakes__" + peer, "full_handshakes");
            putRate(resumed, peer, "handshakes__" + peer, "resumed_handshakes");
        }
        ObjectNode sessions = root.putObject("sessions_per_s");
        for (String peer : List.of("quiz", "python_seed")) {
            putRate(sessions, peer, "sessions__" + peer, "sessions");
        }

        JsonNode idle = runs.median("idle__quiz");
        long held = idle == null ? 0 : idle.path("gauges").path("held_sessions").asLong();
        root.put("idle_sessions", held);
        root.put("idle_sessions_requested", idle == null ? 0 : idle.path("connections").asLong());
        if (held > 0 && idleMemory.has("holding_heap_bytes")) {
            long heap = idleMemory.path("holding_heap_bytes").asLong() - idleMemory.path("baseline_heap_bytes").asLong();
            long rss = idleMemory.path("holding_rss_bytes").asLong() - idleMemory.path("baseline_rss_bytes").asLong();
            root.put("heap_bytes_per_idle_session", Math.max(0, heap) / held);
            root.put("rss_bytes_per_idle_session", Math.max(0, rss) / held);
        } else {
            root.putNull("heap_bytes_per_idle_session");
            root.putNull("rss_bytes_per_idle_session");
        }
        root.set("idle_memory", idleMemory);

        JsonNode rate = runs.median("rate__quiz");
        JsonNode rateMetric = RunSet.metric(rate, "roundtrips");
        root.put("half_peak_rate_per_s", rate == null ? 0 : rate.path("rateTarget").asDouble());
        root.put("p99_us_at_half_peak", rateMetric.path("latencyMicros").path("p99").asDouble());
        root.put("p99_us_single_connection",
                RunSet.metric(runs.median("single__quiz"), "roundtrips").path("latencyMicros").path("p99").asDouble());

        ObjectNode latency = root.putObject("roundtrip_latency_us");
        for (String peer : List.of("quiz", "netty_echo", "python_seed")) {
            JsonNode metric = RunSet.metric(runs.median("roundtrips__" + peer), "roundtrips");
            if (!metric.isMissingNode()) {
                latency.set(peer, metric.path("latencyMicros"));
            }
        }

        ObjectNode ratios = root.putObject("ratios");
        ratio(ratios, "roundtrips_quiz_to_netty_echo", roundtrips, "quiz", "netty_echo");
        ratio(ratios, "roundtrips_quiz_to_python_seed", roundtrips, "quiz", "python_seed");
        ratio(ratios, "handshakes_quiz_to_openssl_s_server", handshakes, "quiz", "openssl_s_server");
        ratio(ratios, "sessions_quiz_to_python_seed", sessions, "quiz", "python_seed");

        ObjectNode all = root.putObject("runs");
        for (String key : runs.keys()) {
            ArrayNode list = all.putArray(key);
            for (JsonNode run : runs.all(key)) {
                list.add(withoutHistograms(run));
            }
        }
        return root;
    }

    private void putRate(ObjectNode into, String name, String key, String metric) {
        JsonNode median = runs.median(key);
        if (median != null) {
            into.put(name, RunSet.metric(median, metric).path("perSecond").asDouble());
        }
    }

    private static void ratio(ObjectNode into, String name, ObjectNode rates, String a, String b) {
        if (rates.has(a) && rates.has(b) && rates.get(b).asDouble() > 0) {
            into.put(name, Math.round(rates.get(a).asDouble() / rates.get(b).asDouble() * 100.0) / 100.0);
        }
    }

    private JsonNode withoutHistograms(JsonNode run) {
        ObjectNode copy = run.deepCopy();
        for (JsonNode metric : copy.path("metrics")) {
            ((ObjectNode) metric).remove("histogram");
        }
        return copy;
    }

    private void writeChart(Path png) throws IOException {
        List<LatencyChart.Series> series = new ArrayList<>();
        addSeries(series, "quiz server", new Color(33, 102, 172), "roundtrips__quiz");
        addSeries(series, "Netty echo (floor)", new Color(77, 175, 74), "roundtrips__netty_echo");
        addSeries(series, "Python seed-style", new Color(228, 26, 28), "roundtrips__python_seed");
        JsonNode quiz = runs.median("roundtrips__quiz");
        String connections = quiz == null ? "" : ", " + quiz.path("connections").asInt() + " connections, closed loop";
        LatencyChart.write("Round-trip latency (ANSWER -> VERDICT / echo)" + connections, series, png);
    }

    private void addSeries(List<LatencyChart.Series> series, String label, Color color, String key) {
        JsonNode latency = RunSet.metric(runs.median(key), "roundtrips").path("latencyMicros");
        if (latency.isMissingNode()) {
            return;
        }
        double[] values = new double[LatencyChart.PERCENTILES.length];
        Iterator<String> names = List.of("p50", "p90", "p99", "p999").iterator();
        for (int i = 0; i < values.length; i++) {
            values[i] = latency.path(names.next()).asDouble();
        }
        series.add(new LatencyChart.Series(label, color, values));
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
