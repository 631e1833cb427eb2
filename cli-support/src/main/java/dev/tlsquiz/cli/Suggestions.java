package dev.tlsquiz.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The names nearest to a mistyped one, for "did you mean" hints: by edit distance (a swap of two
 * neighbours counts as one edit, so {@code --prot} is one edit from {@code --port}), or names that
 * start with what was typed. Picocli's own suggestions for options only match the first two letters.
 */
final class Suggestions {

    /** At most this many names are suggested, the nearest first. */
    static final int MAX = 3;

    /** Longer typed names get no suggestion: no option is that long, and the distance costs their square. */
    static final int MAX_TYPED_CHARS = 64;

    private Suggestions() {
    }

    /** The candidates nearest to {@code typed}, nearest first; empty when none is near. */
    static List<String> nearest(String typed, Collection<String> candidates) {
        String body = strip(typed);
        if (body.length() > MAX_TYPED_CHARS) {
            return List.of();
        }
        record Scored(String name, int distance) {
        }
        List<Scored> near = new ArrayList<>();
        for (String candidate : candidates) {
            String other = strip(candidate);
            int distance = distance(body, other);
            // A third of the name may be wrong (at least one edit), or the name may be an abbreviation.
            boolean close = distance <= Math.max(1, other.length() / 3);
            boolean prefix = body.length() >= 2 && other.startsWith(body);
            if (close || prefix) {
                near.add(new Scored(candidate, prefix ? 0 : distance));
            }
        }
        near.sort((a, b) -> a.distance() != b.distance() ? Integer.compare(a.distance(), b.distance())
                : a.name().compareTo(b.name()));
        List<String> names = new ArrayList<>();
        for (Scored scored : near) {
            if (names.size() < MAX && !names.contains(scored.name())) {
                names.add(scored.name());
            }
        }
        return names;
    }

    /** The name without its leading dashes: they carry no meaning for the comparison. */
    private static String strip(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '-') {
            start++;
        }
        return name.substring(start);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
