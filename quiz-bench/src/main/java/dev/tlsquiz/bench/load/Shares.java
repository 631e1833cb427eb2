package dev.tlsquiz.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * How a {@code --processes N} run splits its connections and its rate: as evenly as possible, the
 * first processes taking one connection more when it does not divide, each rate share proportional
 * to the connections, each process's connections numbered on from the previous one's (so source
 * addresses stay spread evenly over all of them).
 */
public final class Shares {

    /**
     * One process's share.
     *
     * @param firstConnection global index of its first connection
     * @param connections     how many connections it opens
     * @param rate            its part of the total rate (0 in closed loop)
     */
    public record Share(int firstConnection, int connections, double rate) {
    }

    private Shares() {
    }

    /** Splits {@code connections} and {@code rate} over {@code processes}; no share is empty. */
    public static List<Share> split(int connections, double rate, int processes) {
        if (processes < 1 || processes > connections) {
            throw new IllegalArgumentException("processes: " + processes + " (expected: 1.." + connections + ")");
        }
        List<Share> shares = new ArrayList<>(processes);
        int first = 0;
        for (int i = 0; i < processes; i++) {
            int count = connections / processes + (i < connections % processes ? 1 : 0);
            shares.add(new Share(first, count, rate * count / connections));
            first += count;
        }
        return shares;
    }
}
