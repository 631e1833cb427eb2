package dev.tlsquiz.server.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads samples out of a Prometheus text exposition, for tests: {@code value(text, "tlsquiz_verdicts_total",
 * "outcome", "correct")} is the sample of that name whose labels include those pairs (the only one, or the
 * test fails).
 */
public final class Exposition {

    private Exposition() {
    }

    /** The value of the one sample named {@code name} with the label pairs {@code labels}; 0 when none. */
    public static double value(String text, String name, String... labels) {
        OptionalDouble found = find(text, name, labels);
        return found.orElse(0);
    }

    /** The value of the one sample named {@code name} with the label pairs {@code labels}, if there is one. */
    public static OptionalDouble find(String text, String name, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        List<String> matches = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String series = line.substring(0, space);
            String sampleName = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            if (!sampleName.equals(name)) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                if (!series.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                    all = false;
                }
            }
            if (all) {
                matches.add(line.substring(space + 1));
            }
        }
        if (matches.size() > 1) {
            throw new AssertionError(matches.size() + " samples of " + name + " " + List.of(labels) + ": " + matches);
        }
        return matches.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(matches.get(0)));
    }
}
