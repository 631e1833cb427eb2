package dev.tlsquiz.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The players of a room run spread over child processes (each a {@link RoomChild} with its share of
 * the players, numbered on from the previous one's so that source addresses stay spread): starts
 * them, sends them the codes and, after the game, the host's marks, follows their status lines, and
 * merges their results. Their other stderr lines are passed on, prefixed with their number.
 */
final class RoomChildren implements PlayerFleet {

    private final ObjectMapper json;
    private final PrintStream err;
    private final List<String> parentArgs;
    private final List<Shares.Share> shares;
    private final int rounds;
    private final List<Process> children = new ArrayList<>();
    private final List<Writer> stdins = new ArrayList<>();
    private final List<StringBuilder> outputs = new ArrayList<>();
    private final List<Thread> outPumps = new ArrayList<>();
    private final List<Thread> errPumps = new ArrayList<>();
    private final long[] seated;
    private final long[] settled;
    private final int[] standings;
    private final boolean[] finished;
    private final RankCheck ranks = new RankCheck();
    private final Object changes = new Object();

    /**
     * @param parentArgs the arguments as the user gave them; each child gets them with its share
     * @param total      every player, which the children need for the room plan
     */
    RoomChildren(ObjectMapper json, PrintStream err, List<String> parentArgs, List<Shares.Share> shares, int total,
                 int rounds) throws IOException {
        this.json = json;
        this.err = err;
        this.parentArgs = new ArrayList<>(parentArgs);
        this.parentArgs.addAll(List.of("--all-connections", Integer.toString(total)));
        this.shares = shares;
        this.rounds = rounds;
        this.seated = new long[shares.size()];
        this.settled = new long[shares.size()];
        this.standings = new int[shares.size()];
        this.finished = new boolean[shares.size()];
    }

    @Override
    public void start(List<String> codes) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        try {
            for (int i = 0; i < shares.size(); i++) {
                List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, QuizBenchMain.class.getName()));
                command.addAll(ChildArgs.forChild(parentArgs, shares.get(i)));
                Process child = new ProcessBuilder(command).start();
                children.add(child);
                Writer stdin = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
                stdins.add(stdin);
                StringBuilder output = new StringBuilder();
                outputs.add(output);
                int index = i;
                String prefix = "[child " + (i + 1) + "/" + shares.size() + "] ";
                outPumps.add(pump(child.getInputStream(), line -> output.append(line).append('\n')));
                errPumps.add(pump(child.getErrorStream(), line -> status(index, prefix, line)));
                stdin.write("codes " + String.join(" ", codes) + "\n");
                stdin.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the bench's child processes: " + e.getMessage(), e);
        }
    }

    private void status(int child, String prefix, String line) {
        String[] f = line.split(" ", 2);
        synchronized (changes) {
            switch (f[0]) {
                case "room-seated" -> {
                    String[] n = f[1].split(" ");
                    seated[child] = Long.parseLong(n[0]);
                    settled[child] = Long.parseLong(n[1]);
                }
                case "room-standings" -> standings[child] = Integer.parseInt(f[1].strip());
                case "room-finished" -> finished[child] = true;
                case "room-ranks" -> {
                    ranks.add(RankCheck.decode(f.length > 1 ? f[1] : ""));
                }
                default -> err.println(prefix + line);
            }
            changes.notifyAll();
        }
    }

    private boolean await(IntPredicate childDone, long deadlineNanos) throws InterruptedException {
        synchronized (changes) {
            while (true) {
                boolean all = true;
                for (int i = 0; i < shares.size(); i++) {
                    all &= childDone.test(i) || !children.get(i).isAlive();
                }
                if (all) {
                    return true;
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(changes, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    @Override
    public boolean awaitSeated(long deadlineNanos) throws InterruptedException {
        return await(i -> settled[i] >= shares.get(i).connections(), deadlineNanos);
    }

    @Override
    public long seated() {
        synchronized (changes) {
            long sum = 0;
            for (long n : seated) {
                sum += n;
            }
            return sum;
        }
    }

    @Override
    public boolean awaitStandings(int round, long deadlineNanos) throws InterruptedException {
        return await(i -> standings[i] >= round, deadlineNanos);
    }

    @Override
    public boolean awaitFinished(long deadlineNanos) throws InterruptedException {
        return await(i -> finished[i], deadlineNanos);
    }

    @Override
    public Outcome outcome(QuestionMarks marks) throws InterruptedException {
        List<BenchResult> results = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            try {
                Writer stdin = stdins.get(i);
                for (int room = 0; room < marks.rooms(); room++) {
                    for (int round = 1; round <= rounds; round++) {
                        stdin.write(marks.line(room, round) + "\n");
                    }
                }
                stdin.write("marks-done\n");
                stdin.close();
            } catch (IOException e) {
                err.println("quiz-bench: cannot reach child " + (i + 1) + ": " + e.getMessage());
            }
        }
        for (int i = 0; i < children.size(); i++) {
            Process child = children.get(i);
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child " + (i + 1) + " did not report within 60 s");
            }
            outPumps.get(i).join(TimeUnit.SECONDS.toMillis(10));
            String output = outputs.get(i).toString();
            if (child.exitValue() != 0 || output.isBlank()) {
                throw new IllegalStateException("child " + (i + 1) + " exited with code " + child.exitValue()
                        + " and no result; see its lines above");
            }
            try {
                results.add(json.readValue(output, BenchResult.class));
            } catch (IOException e) {
                throw new IllegalStateException("child " + (i + 1) + " printed no result: " + e.getMessage(), e);
            }
        }
        // The ranks line comes on stderr before the result on stdout; its pump may still be behind. The
        // children have exited, so each stderr pump ends once it has read all that its child wrote.
        for (Thread pump : errPumps) {
            pump.join(TimeUnit.SECONDS.toMillis(10));
        }
        BenchResult merged = ResultMerger.merge(results);
        Map<String, Long> gauges = new TreeMap<>(merged.gauges());
        synchronized (changes) {
            return new Outcome(merged.metrics(), gauges, merged.errors(), ranks);
        }
    }

    @Override
    public void close() {
        for (Process child : children) {
            child.destroy();
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException closed) {
                // The child is gone; whatever it printed has been passed on.
            }
        }, "bench-room-child-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
