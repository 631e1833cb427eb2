package dev.tlsquiz.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A child process of a room run with {@code --processes}: its share of the players, steered by the
 * parent ({@link RoomChildren}) through lines on stdin and reporting through lines on stderr.
 *
 * <pre>
 * parent to child (stdin)      codes CODE0 CODE1 ...         the rooms' codes, by room; join now
 *                              mark ROOM ROUND OPENED CLOSED the host's commands, after the game
 *                              marks-done                    report the outcome and exit
 * child to parent (stderr)     room-seated SEATED SETTLED    players seated, and seated or failed
 *                              room-standings ROUND          every player is done with that question's standings
 *                              room-finished                 every player's game is over
 *                              room-ranks ROOM:SCORE:RANK:N,...  for the parent's rank check
 * </pre>
 * The result (the players' latencies, gauges and errors) is the usual JSON on stdout.
 */
final class RoomChild {

    private static final long REPORT_EVERY_MILLIS = 50;

    private final RoomPlayers players;
    private final QuestionMarks marks;
    private final PrintStream err;
    private final int rounds;
    private String lastSeated = "";
    private int lastStandings;
    private boolean finishedSaid;

    RoomChild(RoomPlayers players, RoomPlan plan, PrintStream err) {
        this.players = players;
        this.marks = new QuestionMarks(plan.rooms(), plan.rounds());
        this.err = err;
        this.rounds = plan.rounds();
    }

    /** Plays until the parent sends {@code marks-done} (or goes away); returns the players' outcome. */
    PlayerFleet.Outcome run(InputStream stdin) throws IOException, InterruptedException {
        Thread reporter = new Thread(this::report, "room-child-report");
        reporter.setDaemon(true);
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        try {
            String line;
            while (!"marks-done".equals(line = in.readLine())) {
                if (line == null) {
                    throw new IOException("the parent process is gone; stopping");
                }
                if (line.startsWith("codes ")) {
                    List<String> codes = Arrays.asList(line.substring("codes ".length()).strip().split(" "));
                    players.start(codes);
                    reporter.start();
                } else if (line.startsWith("mark ")) {
                    marks.read(line);
                } else {
                    throw new IOException("unexpected line from the parent process: " + line);
                }
            }
        } finally {
            reporter.interrupt();
            reporter.join(1000);
        }
        PlayerFleet.Outcome outcome = players.outcome(marks);
        say("room-ranks " + outcome.ranks().encode());
        return outcome;
    }

    private void report() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                String seated = players.seated() + " " + players.settled();
                if (!seated.equals(lastSeated)) {
                    lastSeated = seated;
                    say("room-seated " + seated);
                }
                while (lastStandings < rounds && players.standingsDone(lastStandings + 1) >= players.count()) {
                    lastStandings++;
                    say("room-standings " + lastStandings);
                }
                if (!finishedSaid && players.finishedCount() >= players.count()) {
                    finishedSaid = true;
                    say("room-finished");
                }
                Thread.sleep(REPORT_EVERY_MILLIS);
            }
        } catch (InterruptedException done) {
            Thread.currentThread().interrupt();
        }
    }

    private void say(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
