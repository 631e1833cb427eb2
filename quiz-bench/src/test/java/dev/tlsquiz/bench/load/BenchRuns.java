package dev.tlsquiz.bench.load;

import dev.tlsquiz.client.testing.ClientResult;
import dev.tlsquiz.client.testing.WatchedOutput;

/** Runs {@code quiz-bench} in-process with captured streams. */
final class BenchRuns {

    private BenchRuns() {
    }

    static ClientResult run(String... args) {
        WatchedOutput out = new WatchedOutput();
        WatchedOutput err = new WatchedOutput();
        int exitCode = QuizBenchMain.run(args, out.printStream(), err.printStream());
        return new ClientResult(exitCode, out.text(), err.text());
    }
}
