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
import java.util.List;
import java.util.Locale;

/**
 * Turns the raw results of a {@code scripts/bench} run into {@code bench/results/latest.json}, the
 * generated part of {@code BENCHMARKS.md} and {@code bench/results/latency.png}.
 *
 * <pre>
 * java -cp bench-peers-all.jar dev.tlsquiz.bench.BenchReport --runs DIR --json latest.json \
 *      --markdown BENCHMARKS.md --chart latency.png --p99-bound-us 5000
 * </pre>
 *
 * {@code DIR} holds {@code SCENARIO__PEER__N.json} files (see {@link RunSet}; for the open-loop
 * sweep, {@code sweep__PEER__RATE.json}, one per offered rate), {@code machine.json}
 * (written by the script: CPU, memory, JVM) and {@code idle_memory.json} (the quiz server's heap and
 * resident memory before and while holding the idle sessions). The Markdown goes between the
 * {@code <!-- bench:begin -->} and {@code <!-- bench:end -->} markers; the rest of the file is kept.
 */
public final class BenchReport {

    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";
    private static final String USAGE =
            "usage: BenchReport --runs DIR --json FILE --markdown FILE --chart FILE --p99-bound-us MICROS";
    /** The peers of the open-loop sweep, as the script names their files. */
    static final List<String> SWEPT = List.of("quiz", "netty_echo");

    private final ObjectMapper json = new ObjectMapper();
    private final RunSet runs;
    private final JsonNode machine;
    private final JsonNode idleMemory;
    private final double p99BoundMicros;

    private BenchReport(RunSet runs, JsonNode machine, JsonNode idleMemory, double p99BoundMicros) {
        this.runs = runs;
        this.machine = machine;
        this.idleMemory = idleMemory;
        this.p99BoundMicros = p99BoundMicros;
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
        double p99BoundMicros = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--runs" -> dir = Path.of(args[i + 1]);
                case "--json" -> jsonOut = Path.of(args[i + 1]);
                case "--markdown" -> markdown = Path.of(args[i + 1]);
                case "--chart" -> chart = Path.of(args[i + 1]);
                case "--p99-bound-us" -> p99BoundMicros = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (dir == null || jsonOut == null || markdown == null || chart == null || !(p99BoundMicros > 0)) {
            throw new IllegalArgumentException(USAGE);
        }
        ObjectMapper mapper = new ObjectMapper();
        BenchReport report = new BenchReport(RunSet.load(dir, mapper), readOptional(mapper, dir.resolve("machine.json")),
                readOptional(mapper, dir.resolve("idle_memory.json")), p99BoundMicros);
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
        for (String peer : List.of("quiz", "openssl_s_server", "haproxy")) {
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

        putSweep(root);
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
        ratio(ratios, "handshakes_quiz_to_haproxy", handshakes, "quiz", "haproxy");
        ratio(ratios, "resumed_handshakes_quiz_to_haproxy", resumed, "quiz", "haproxy");
        ratio(ratios, "sessions_quiz_to_python_seed", sessions, "quiz", "python_seed");
        ratio(ratios, "rate_within_p99_bound_quiz_to_netty_echo", (ObjectNode) root.get("rate_within_p99_bound_per_s"),
                "quiz", "netty_echo");

        ObjectNode all = root.putObject("runs");
        for (String key : runs.keys()) {
            ArrayNode list = all.putArray(key);
            for (JsonNode run : runs.all(key)) {
                list.add(withoutHistograms(run));
            }
        }
        return root;
    }

    /**
     * The open-loop sweep: for each swept peer its points (offered and achieved rate, p50, p99,
     * errors) by rising rate, and the highest offered rate at which it kept p99 within the bound
     * without an error (0 when even the lowest rate missed it; {@code _capped} true when the highest
     * rate swept kept it, so the true figure is higher still).
     */
    private void putSweep(ObjectNode root) {
        root.put("p99_bound_us", p99BoundMicros);
        ObjectNode sweep = root.putObject("sweep");
        ObjectNode within = root.putObject("rate_within_p99_bound_per_s");
        ObjectNode capped = root.putObject("rate_within_p99_bound_capped");
        for (String peer : SWEPT) {
            List<SweepPoint> points = sweepPoints(peer);
            if (points.isEmpty()) {
                continue;
            }
            ArrayNode list = sweep.putArray(peer);
            double best = 0;
            for (SweepPoint p : points) {
                ObjectNode node = list.addObject();
                node.put("offered_per_s", p.offered());
                node.put("achieved_per_s", p.achieved());
                node.put("p50_us", p.p50());
                node.put("p99_us", p.p99());
                node.put("errors", p.errors());
                if (p.keeps(p99BoundMicros)) {
                    best = Math.max(best, p.offered());
                }
            }
            within.put(peer, best);
            capped.put(peer, best > 0 && best == points.get(points.size() - 1).offered());
        }
    }

    /** One offered rate of the sweep for one peer. */
    record SweepPoint(double offered, double achieved, double p50, double p99, long errors) {
        boolean keeps(double boundMicros) {
            return errors == 0 && p99 > 0 && p99 <= boundMicros;
        }
    }

    private List<SweepPoint> sweepPoints(String peer) {
        List<SweepPoint> points = new ArrayList<>();
        for (JsonNode run : runs.all("sweep__" + peer)) {
            JsonNode metric = RunSet.metric(run, "roundtrips");
            long errors = 0;
            for (JsonNode count : run.path("errors")) {
                errors += count.asLong();
            }
            points.add(new SweepPoint(run.path("rateTarget").asDouble(), metric.path("perSecond").asDouble(),
                    metric.path("latencyMicros").path("p50").asDouble(),
                    metric.path("latencyMicros").path("p99").asDouble(), errors));
        }
        points.sort(java.util.Comparator.comparingDouble(SweepPoint::offered));
        return points;
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
        addSeries(series, "quiz server", new Color(33, 102, 172), "quiz");
        addSeries(series, "Netty echo (floor)", new Color(77, 175, 74), "netty_echo");
        List<JsonNode> quiz = runs.all("sweep__quiz");
        String connections = quiz.isEmpty() ? "" : ", " + quiz.get(0).path("connections").asInt() + " connections";
        LatencyChart.write("Round-trip latency vs offered rate, open loop" + connections, series, p99BoundMicros, png);
    }

    private void addSeries(List<LatencyChart.Series> series, String label, Color color, String peer) {
        List<LatencyChart.Point> points = new ArrayList<>();
        for (SweepPoint p : sweepPoints(peer)) {
            points.add(new LatencyChart.Point(p.offered(), p.p50(), p.p99()));
        }
        if (!points.isEmpty()) {
            series.add(new LatencyChart.Series(label, color, points));
        }
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
