package dev.tlsquiz.bench.load;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.Side;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;

/**
 * This process's players of a room run: players {@code first .. first+count-1} of the
 * {@link RoomPlan}, joined at most {@code --connect-window} at a time (a crowd of handshakes at once
 * would only measure the handshake queue), each on its own connection.
 */
final class RoomPlayers implements PlayerFleet, RoomPlayer.Listener {

    private final BenchClient client;
    private final BenchSettings settings;
    private final RoomPlan plan;
    private final EpochClock clock;
    private final ErrorCounts errors;
    private final int count;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger seated = new AtomicInteger();
    private final AtomicInteger settled = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicIntegerArray standingsDone;
    private final ConcurrentLinkedQueue<RoomPlayer> players = new ConcurrentLinkedQueue<>();
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private final Object changes = new Object();
    private volatile List<String> codes = List.of();
    private volatile boolean running = true;

    /** @param settings this process's share: {@code connections} players from {@code firstConnection} */
    RoomPlayers(BenchClient client, BenchSettings settings, RoomPlan plan, EpochClock clock, ErrorCounts errors) {
        this.client = client;
        this.settings = settings;
        this.plan = plan;
        this.clock = clock;
        this.errors = errors;
        this.count = settings.connections();
        this.standingsDone = new AtomicIntegerArray(plan.rounds() + 1);
    }

    @Override
    public void start(List<String> codes) {
        this.codes = List.copyOf(codes);
        int first = Math.min(settings.connectWindow(), count);
        for (int i = 0; i < first; i++) {
            openNext();
        }
    }

    private void openNext() {
        int index = next.getAndIncrement();
        if (index >= count || !running) {
            return;
        }
        long player = (long) settings.firstConnection() + index;
        ConnectionEnd end = new ConnectionEnd(errors);
        RoomPlayer handler = new RoomPlayer(plan, player, codes.get(plan.roomOf(player)), clock, errors, end, this,
                settings.pingInterval().toNanos());
        players.add(handler);
        ChannelFuture connected = client.connect(index, false, false, end, channel -> {
            QuizCodec.install(channel.pipeline(), Side.CLIENT, CodecLimits.DEFAULT);
            channel.pipeline().addLast(PipelineNames.SESSION, handler);
        });
        Channel channel = connected.channel();
        open.add(channel);
        channel.closeFuture().addListener(f -> open.remove(channel));
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                // Never active, so the handler never hears of it: it is done with everything.
                errors.count(f.cause());
                for (int round = handler.standingsSignalled() + 1; round <= plan.rounds(); round++) {
                    standingsDone(handler, round);
                }
                finished(handler);
            }
        });
    }

    /** A player got its seat or failed to: one more settled, and room in the window for the next. */
    private void settle() {
        settled.incrementAndGet();
        changed();
        openNext();
    }

    @Override
    public void seated(RoomPlayer player) {
        seated.incrementAndGet();
        settle();
    }

    @Override
    public void standingsDone(RoomPlayer player, int round) {
        standingsDone.incrementAndGet(round);
        changed();
    }

    @Override
    public void finished(RoomPlayer player) {
        if (!player.wasSeated()) {
            // It held a slot of the connect window without ever being seated.
            settle();
        }
        finished.incrementAndGet();
        changed();
    }

    private void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    private boolean await(BooleanSupplier done, long deadlineNanos) throws InterruptedException {
        synchronized (changes) {
            while (!done.getAsBoolean()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(changes, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
            return true;
        }
    }

    @Override
    public boolean awaitSeated(long deadlineNanos) throws InterruptedException {
        return await(() -> settled.get() >= count, deadlineNanos);
    }

    @Override
    public long seated() {
        return seated.get();
    }

    /** Players settled (seated, or failed to be). */
    long settled() {
        return settled.get();
    }

    /** Players done with question {@code round}'s STANDINGS. */
    int standingsDone(int round) {
        return standingsDone.get(round);
    }

    /** Players whose game is over. */
    int finishedCount() {
        return finished.get();
    }

    int count() {
        return count;
    }

    @Override
    public boolean awaitStandings(int round, long deadlineNanos) throws InterruptedException {
        return await(() -> standingsDone.get(round) >= count, deadlineNanos);
    }

    @Override
    public boolean awaitFinished(long deadlineNanos) throws InterruptedException {
        return await(() -> finished.get() >= count, deadlineNanos);
    }

    /**
     * Read once every player is finished (or the run gave up waiting): a player still playing is
     * counted as unfinished, and its figures are read as they stand.
     */
    @Override
    public Outcome outcome(QuestionMarks marks) {
        RoomLatencies latencies = new RoomLatencies();
        RankCheck ranks = new RankCheck();
        long scoreMismatches = 0;
        long verdictMismatches = 0;
        for (RoomPlayer player : players) {
            latencies.add(marks, player.room(), player.problemArrivals(), player.standingsArrivals());
            PlayerTally tally = player.tally();
            if (tally.scoreMismatch()) {
                scoreMismatches++;
            }
            verdictMismatches += tally.verdictMismatches();
            if (tally.finalOwnRank() > 0) {
                ranks.add(player.room(), tally.recomputedScore(), tally.finalOwnRank(), 1);
            }
        }
        Map<String, Long> gauges = new TreeMap<>();
        gauges.put("players_seated", (long) seated.get());
        gauges.put("players_unfinished", (long) (count - finished.get()));
        gauges.put("score_mismatches", scoreMismatches);
        gauges.put("verdict_mismatches", verdictMismatches);
        gauges.put("arrivals_missing", latencies.missing());
        gauges.put("arrivals_before_command", latencies.inverted());
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("question_fanout", latencies.fanout(), 0));
        metrics.add(Metric.of("standings_after_close", latencies.standings(), 0));
        metrics.add(Metric.of("final_standings_after_close", latencies.finalStandings(), 0));
        return new Outcome(metrics, gauges, errors.snapshot(), ranks);
    }

    @Override
    public void close() {
        running = false;
        for (Channel channel : open) {
            channel.close();
        }
        for (Channel channel : List.copyOf(open)) {
            channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
