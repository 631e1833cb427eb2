package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The player's client carries no load generator: {@code quiz-bench} is a module of its own, and
 * what only it needs stays out of the client's jar (and so out of {@code quiz play}'s start).
 */
class ClientDependenciesTest {

    @Test
    void classpath_whenClientBuilt_thenHasNoLoadGeneratorNorHdrHistogram() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.tlsquiz.client.bench.BenchCommand"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.tlsquiz.bench.load.BenchCommand"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.HdrHistogram.Histogram"));
    }
}
