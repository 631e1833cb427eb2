package dev.tlsquiz.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw results of one {@code scripts/bench} run: one {@code quiz bench --output json} document
 * per file, named {@code SCENARIO__PEER__N.json} (for example {@code roundtrips__netty_echo__2.json}),
 * grouped by {@code SCENARIO__PEER}. Of several runs of the same pair, the report uses the median
 * one (by its headline rate), whole, so that its latencies and its rate belong together.
 */
final class RunSet {

    private final Map<String, List<JsonNode>> runs;

    private RunSet(Map<String, List<JsonNode>> runs) {
        this.runs = runs;
    }

    static RunSet load(Path dir, ObjectMapper json) throws IOException {
        Map<String, List<JsonNode>> runs = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*__*__*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String key = name.substring(0, name.lastIndexOf("__"));
                runs.computeIfAbsent(key, k -> new ArrayList<>()).add(json.readTree(file.toFile()));
            }
        }
        return new RunSet(runs);
    }

    /** Every {@code SCENARIO__PEER} key with at least one run. */
    Iterable<String> keys() {
        return runs.keySet();
    }

    /** All runs of {@code key}, or none. */
    List<JsonNode> all(String key) {
        return runs.getOrDefault(key, List.of());
    }

    /** The median run of {@code key} by {@link #headline}, or {@code null} when there is none. */
    JsonNode median(String key) {
        List<JsonNode> list = new ArrayList<>(all(key));
        if (list.isEmpty()) {
            return null;
        }
        list.sort(Comparator.comparingDouble(RunSet::headline));
        return list.get((list.size() - 1) / 2);
    }

    /**
     * The figure a run is ranked by: held sessions for idle, otherwise the rate of its first metric
     * (full handshakes, sessions, round trips).
     */
    static double headline(JsonNode run) {
        if ("idle".equals(run.path("scenario").asText())) {
            return run.path("gauges").path("held_sessions").asDouble();
        }
        return run.path("metrics").path(0).path("perSecond").asDouble();
    }

    /** The metric called {@code name} of {@code run}, or a missing node. */
    static JsonNode metric(JsonNode run, String name) {
        if (run != null) {
            for (JsonNode metric : run.path("metrics")) {
                if (name.equals(metric.path("name").asText())) {
                    return metric;
                }
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
