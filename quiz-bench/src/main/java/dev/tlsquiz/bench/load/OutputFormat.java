package dev.tlsquiz.bench.load;

/** How {@code quiz bench} prints its result on stdout. */
public enum OutputFormat {
    /** A few lines for a person. */
    TEXT,
    /** One JSON document (a {@link BenchResult}) for scripts. */
    JSON
}
