package dev.tlsquiz.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a bench as several JVMs, so that the connections can pass one process's open-file limit:
 * each child is this same command on this same classpath with its share of the connections, prints
 * its result as JSON on stdout, and its progress lines reach this process's stderr prefixed with
 * its number. The idle scenario's {@code holding N sessions} line is printed once, for the total,
 * when every child holds its sessions.
 */
final class ChildProcesses {

    private final ObjectMapper json;
    private final PrintStream err;

    ChildProcesses(ObjectMapper json, PrintStream err) {
        this.json = json;
        this.err = err;
    }

    /**
     * Starts one child per share, waits for all, and returns their results.
     *
     * @throws IOException when a child cannot be started or exits without a result
     */
    List<BenchResult> run(List<String> parentArgs, List<Shares.Share> shares, long timeoutSeconds)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        List<Process> children = new ArrayList<>();
        List<Thread> pumps = new ArrayList<>();
        AtomicInteger holding = new AtomicInteger();
        AtomicLong held = new AtomicLong();
        List<StringBuilder> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < shares.size(); i++) {
                List<String> command = new ArrayList<>(List.of(java, "-cp", classpath,
                        QuizBenchMain.class.getName()));
                command.addAll(ChildArgs.forChild(parentArgs, shares.get(i)));
                Process child = new ProcessBuilder(command).start();
                children.add(child);
                StringBuilder output = new StringBuilder();
                outputs.add(output);
                String prefix = "[child " + (i + 1) + "/" + shares.size() + "] ";
                pumps.add(pump(child.getInputStream(), line -> output.append(line).append('\n')));
                pumps.add(pump(child.getErrorStream(), line -> {
                    err.println(prefix + line);
                    if (line.startsWith("holding ")) {
                        held.addAndGet(Long.parseLong(line.split(" ")[1]));
                        if (holding.incrementAndGet() == shares.size()) {
                            err.println("holding " + held.get() + " sessions in " + shares.size() + " processes");
                        }
                    }
                }));
            }
            List<BenchResult> results = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                Process child = children.get(i);
                if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new IOException("child " + (i + 1) + " did not finish within " + timeoutSeconds + " s");
                }
                pumps.get(2 * i).join(TimeUnit.SECONDS.toMillis(10));
                String output = outputs.get(i).toString();
                if (child.exitValue() != 0 || output.isBlank()) {
                    throw new IOException("child " + (i + 1) + " exited with code " + child.exitValue()
                            + " and no result; see its lines above");
                }
                results.add(json.readValue(output, BenchResult.class));
            }
            return results;
        } finally {
            for (Process child : children) {
                child.destroy();
            }
        }
    }

    private static Thread pump(InputStream stream, java.util.function.Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (ChildProcesses.class) {
                        sink.accept(line);
                    }
                }
            } catch (IOException closed) {
                // The child is gone; whatever it printed has been passed on.
            }
        }, "bench-child-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
