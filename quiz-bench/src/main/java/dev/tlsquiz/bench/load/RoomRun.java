package dev.tlsquiz.bench.load;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.Side;
import io.netty.channel.Channel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The conductor of a room run (scenario {@code room}): opens every room with one host connection
 * each, has the {@link PlayerFleet} join them, and, once every player is seated, plays the game
 * question by question in all rooms at once: each host opens the question and closes it once its
 * room's answers are in ({@link RoomHost}); the next question starts when every host and every
 * player has had the standings. Then it collects the figures:
 * <ul>
 *   <li>{@code question_fanout}: for every player and question, PROBLEM arrival minus the host's
 *       opening command ({@code start}, then {@code next} between questions);</li>
 *   <li>{@code standings_after_close}: STANDINGS arrival minus the host's closing command
 *       ({@code next}), every question but the last; {@code final_standings_after_close} the same for
 *       the last question, whose standings wait for the results to be kept;</li>
 *   <li>{@code answers_judged}: answers per second of burst ({@link AnswerBursts});</li>
 *   <li>gauges {@code score_mismatches} (players whose score anywhere differs from their own sum of
 *       verdict points, see {@link PlayerTally}), {@code verdict_mismatches} and
 *       {@code rank_mismatches} ({@link RankCheck}).</li>
 * </ul>
 * All times are on the common time line of {@link EpochClock}, so players in other processes are
 * measured against this process's commands.
 */
final class RoomRun {

    /** How long a host waits for its room's answers before closing the question anyway. */
    static final long ANSWER_WINDOW_MILLIS = 30_000;

    private final BenchSettings settings;
    private final RoomPlan plan;
    private final String token;
    private final BenchClient client;
    private final EpochClock clock;
    private final ErrorCounts errors;
    private final PlayerFleet fleet;
    private final PrintStream progress;
    private final String label;
    private final int processes;
    private final QuestionMarks marks;
    private final AnswerBursts bursts = new AnswerBursts();
    private final List<RoomHost> hosts = new ArrayList<>();
    private final List<Channel> hostChannels = new ArrayList<>();
    private long runStart;

    RoomRun(BenchSettings settings, RoomPlan plan, String token, BenchClient client, EpochClock clock,
            ErrorCounts errors, PlayerFleet fleet, int processes, PrintStream progress) {
        this.settings = settings;
        this.plan = plan;
        this.token = token;
        this.client = client;
        this.clock = clock;
        this.errors = errors;
        this.fleet = fleet;
        this.processes = processes;
        this.progress = progress;
        this.label = "bench room";
        this.marks = new QuestionMarks(plan.rooms(), plan.rounds());
    }

    BenchResult run() throws InterruptedException {
        runStart = System.nanoTime();
        try {
            List<String> codes = openRooms();
            fleet.start(codes);
            long seatDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(
                    settings.connectTimeout().toSeconds() + 60 + plan.players() / 20);
            while (!fleet.awaitSeated(Math.min(seatDeadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(1)))) {
                say(String.format(Locale.ROOT, "joining: %d of %d players seated, errors %d", fleet.seated(),
                        plan.players(), errors.total()));
                if (System.nanoTime() >= seatDeadline) {
                    throw new IllegalStateException("only " + fleet.seated() + " of " + plan.players()
                            + " players were seated in time; see the errors above");
                }
            }
            if (fleet.seated() < plan.players()) {
                long seated = fleet.seated();
                Map<String, Long> failures = new TreeMap<>(fleet.outcome(marks).errors());
                errors.snapshot().forEach((k, v) -> failures.merge(k, v, Long::sum));
                throw new IllegalStateException("only " + seated + " of " + plan.players()
                        + " players could join (errors: " + failures + "); check the server's room limits"
                        + " (--max-room-players, --max-rooms, --join-attempts, --max-connections-per-ip) and its"
                        + " log, and give a loaded machine a longer --connect-timeout or a smaller --connect-window");
            }
            say("all " + plan.players() + " players seated in " + plan.rooms() + " room" + (plan.rooms() == 1 ? "" : "s"));
            long gameStart = System.nanoTime();
            for (int round = 1; round <= plan.rounds(); round++) {
                playQuestion(round);
            }
            long finishDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            awaitAll(hosts.stream().map(RoomHost::over).toList(), finishDeadline, "the rooms to close");
            if (!fleet.awaitFinished(finishDeadline)) {
                errors.count("players_not_finished_in_time");
            }
            double gameSeconds = (System.nanoTime() - gameStart) / 1e9;
            return result(fleet.outcome(marks), gameSeconds);
        } finally {
            fleet.close();
            for (Channel channel : hostChannels) {
                channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    private List<String> openRooms() throws InterruptedException {
        for (int room = 0; room < plan.rooms(); room++) {
            ConnectionEnd end = new ConnectionEnd(errors);
            RoomHost host = new RoomHost(plan, room, token, ANSWER_WINDOW_MILLIS, clock, marks, bursts, errors, end,
                    settings.pingInterval().toNanos());
            hosts.add(host);
            hostChannels.add(client.connect(room, false, false, end, channel -> {
                QuizCodec.install(channel.pipeline(), Side.CLIENT, CodecLimits.DEFAULT);
                channel.pipeline().addLast(PipelineNames.SESSION, host);
            }).addListener(f -> {
                if (!f.isSuccess()) {
                    errors.count(f.cause());
                    host.code().completeExceptionally(f.cause());
                }
            }).channel());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.connectTimeout().toSeconds() + 30
                + plan.rooms() / 100);
        List<String> codes = new ArrayList<>();
        for (RoomHost host : hosts) {
            try {
                codes.add(host.code().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException e) {
                throw new IllegalStateException("the server opened no room for the bench's host: "
                        + e.getCause().getMessage() + " (errors: " + errors.snapshot() + "); start the server with"
                        + " --room-hosts anyone, or pass its token with --host-token-file", e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("the server opened only " + codes.size() + " of " + plan.rooms()
                        + " rooms in time (errors: " + errors.snapshot() + ")");
            }
        }
        say("opened " + codes.size() + " room" + (codes.size() == 1 ? "" : "s") + ", first " + codes.get(0));
        return codes;
    }

    private void playQuestion(int round) throws InterruptedException {
        long start = System.nanoTime();
        for (RoomHost host : hosts) {
            host.open(round);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_WINDOW_MILLIS) + TimeUnit.SECONDS.toNanos(30);
        awaitAll(hosts.stream().map(h -> h.standingsSeen(round)).toList(), deadline,
                "the hosts' standings of question " + round);
        if (!fleet.awaitStandings(round, deadline + TimeUnit.SECONDS.toNanos(30))) {
            errors.count("standings_not_delivered_in_time");
        }
        say(String.format(Locale.ROOT, "question %d of %d played in %.0f ms, errors %d", round, plan.rounds(),
                (System.nanoTime() - start) / 1e6, errors.total()));
    }

    private void awaitAll(List<? extends CompletableFuture<?>> futures, long deadlineNanos, String what)
            throws InterruptedException {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            errors.count("host_failed");
        } catch (TimeoutException e) {
            errors.count("timed_out_waiting_for_" + what.replaceAll("[^a-z]+", "_").replaceAll("^_|_$", ""));
        }
    }

    private BenchResult result(PlayerFleet.Outcome players, double gameSeconds) {
        List<Metric> metrics = new ArrayList<>(players.metrics());
        metrics.add(bursts.toMetric());
        Map<String, Long> gauges = new TreeMap<>(players.gauges());
        gauges.put("rooms", (long) plan.rooms());
        gauges.put("room_size", (long) plan.roomSize());
        gauges.put("questions", (long) plan.rounds());
        gauges.put("rank_mismatches", players.ranks().mismatches());
        Map<String, Long> allErrors = new TreeMap<>(players.errors());
        errors.snapshot().forEach((k, v) -> allErrors.merge(k, v, Long::sum));
        return new BenchResult("room", "quiz", settings.host() + ":" + settings.port(), client.providerName(),
                client.transportName(), plan.players(), processes, 0, Math.round(gameSeconds * 1000) / 1000.0,
                metrics, gauges, allErrors);
    }

    private void say(String line) {
        if (progress != null) {
            progress.printf(Locale.ROOT, "%s %5.1fs %s%n", label, (System.nanoTime() - runStart) / 1e9, line);
        }
    }

    /** Whether a room result shows the server's scores wrong anywhere (or players that never finished). */
    static boolean scoresWrong(BenchResult result) {
        return result.gauges().getOrDefault("score_mismatches", 0L) > 0
                || result.gauges().getOrDefault("verdict_mismatches", 0L) > 0
                || result.gauges().getOrDefault("rank_mismatches", 0L) > 0
                || result.gauges().getOrDefault("players_unfinished", 0L) > 0;
    }
}
