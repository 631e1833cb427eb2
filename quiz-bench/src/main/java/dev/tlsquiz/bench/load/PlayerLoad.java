package dev.tlsquiz.bench.load;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizFrameDecoder;
import dev.tlsquiz.codec.Side;
import io.netty.channel.ChannelFuture;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The roundtrips and sessions scenarios: one slot per connection, each slot connected again as soon
 * as its connection ends (a finished session, or a failure after a short pause), until the run stops.
 *
 * <ul>
 *   <li>roundtrips, quiz peer: HELLO asks for {@code --rounds} rounds (many), every ANSWER→VERDICT
 *       is a round trip;</li>
 *   <li>roundtrips, echo peer: an ANSWER frame out, its echo back;</li>
 *   <li>sessions: HELLO with the server's default rounds, answered at once; each SUMMARY is one
 *       session, timed from connect.</li>
 * </ul>
 */
final class PlayerLoad extends LoadDriver implements QuizPlayer.Listener {

    /** Pause before reconnecting a slot whose connection failed, so a dead server is not hammered. */
    private static final long RETRY_MILLIS = 100;

    private final Meter roundtrips = new Meter("roundtrips");
    private final Meter sessions = new Meter("sessions");
    private final Pacer[] pacers;
    private final AtomicReference<OpenLoopSchedule> schedule = new AtomicReference<>();
    private final AtomicInteger slotsUp = new AtomicInteger();
    private final CompletableFuture<Void> allUp = new CompletableFuture<>();

    PlayerLoad(BenchClient client, BenchSettings settings, ErrorCounts errors) {
        super(client, settings, errors);
        pacers = new Pacer[settings.connections()];
        for (int i = 0; i < pacers.length; i++) {
            pacers[i] = new Pacer(settings.openLoop(), schedule::get, i, roundtrips);
            pacers[i].onFirstReady(() -> {
                if (slotsUp.incrementAndGet() == pacers.length) {
                    allUp.complete(null);
                }
            });
        }
    }

    /** Completes when every slot's first connection is up and able to send. */
    @Override
    CompletableFuture<Void> ready() {
        return allUp;
    }

    /** Starts the open-loop schedule now (a no-op in closed loop, or when it already started). */
    @Override
    void begin() {
        if (settings.openLoop()) {
            schedule.compareAndSet(null, new OpenLoopSchedule(System.nanoTime(), settings.rate(), settings.connections()));
        }
    }

    @Override
    void start() {
        for (int i = 0; i < pacers.length; i++) {
            connect(i);
        }
    }

    @Override
    List<Meter> meters() {
        return settings.scenario() == Scenario.SESSIONS ? List.of(sessions, roundtrips) : List.of(roundtrips);
    }

    private void connect(int slot) {
        if (!running()) {
            return;
        }
        long startNanos = System.nanoTime();
        ConnectionEnd end = new ConnectionEnd(errors);
        ChannelFuture connected = client.connect(slot, false, false, end, channel -> {
            if (settings.peer() == Peer.ECHO) {
                channel.pipeline().addLast(PipelineNames.FRAME_DECODER, new QuizFrameDecoder(CodecLimits.DEFAULT));
                channel.pipeline().addLast(PipelineNames.SESSION, new EchoPlayer(end, pacers[slot]));
            } else {
                QuizCodec.install(channel.pipeline(), Side.CLIENT, CodecLimits.DEFAULT);
                int rounds = settings.scenario() == Scenario.SESSIONS ? Hello.SERVER_DEFAULT_ROUNDS : settings.rounds();
                channel.pipeline().addLast(PipelineNames.SESSION,
                        new QuizPlayer(errors, end, pacers[slot], this, "bench-" + (settings.firstConnection() + slot),
                                rounds, startNanos));
            }
        });
        keepSlot(connected, RETRY_MILLIS, () -> connect(slot));
    }

    @Override
    public void sessionCompleted(long connectStartNanos) {
        sessions.record(System.nanoTime() - connectStartNanos);
    }
}
