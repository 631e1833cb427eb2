package dev.tlsquiz.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs one scenario in this process: starts the load, lets it warm up, measures for the duration
 * (the handshakes scenario: full, then resumed), prints a progress line on stderr once a second,
 * stops everything and returns the result. The calling thread only waits and prints; the load runs
 * on the client's event loops.
 */
final class BenchRun {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final BenchSettings settings;
    private final BenchClient client;
    private final PrintStream progress;
    private final String label;
    private final ErrorCounts errors = new ErrorCounts();

    /**
     * @param progress where the progress lines go (stderr), or {@code null} for none
     * @param label    what the progress lines start with
     */
    BenchRun(BenchSettings settings, BenchClient client, PrintStream progress, String label) {
        this.settings = settings;
        this.client = client;
        this.progress = progress;
        this.label = label;
    }

    BenchResult run() {
        LoadDriver driver = newDriver();
        long runStart = System.nanoTime();
        driver.start();
        List<Meter> meters = driver.meters();
        Map<String, Long> gauges;
        Map<String, Long> errorSnapshot;
        try {
            if (driver instanceof IdleLoad) {
                runIdle((IdleLoad) driver, runStart);
            } else {
                awaitReady(driver, runStart);
                driver.begin();
                phase(driver, "warm-up", settings.warmup(), null, runStart);
                if (driver instanceof HandshakeLoad && settings.handshakeMode() == HandshakeMode.BOTH) {
                    HandshakeLoad handshakes = (HandshakeLoad) driver;
                    phase(driver, "full handshakes", settings.duration(), handshakes.fullMeter(), runStart);
                    handshakes.switchToResumed();
                    // The first handshake of each slot after the switch has no session to offer yet.
                    phase(driver, "warm-up (resumed)", Duration.ofMillis(500), null, runStart);
                    phase(driver, "resumed handshakes", settings.duration(), handshakes.resumedMeter(), runStart);
                } else {
                    phase(driver, "measuring", settings.duration(), meters.get(0), runStart, meters);
                }
            }
            gauges = driver.gauges();
            errorSnapshot = errors.snapshot();
        } finally {
            driver.stop(STOP_TIMEOUT);
        }
        List<Metric> metrics = new ArrayList<>();
        for (Meter meter : meters) {
            metrics.add(meter.toMetric());
        }
        double seconds = metrics.stream().mapToDouble(Metric::seconds).max().orElse(0);
        return new BenchResult(lower(settings.scenario()), lower(settings.peer()),
                settings.host() + ":" + settings.port(), client.providerName(), client.transportName(),
                settings.connections(), 1, settings.rate(), seconds, metrics, new TreeMap<>(gauges), errorSnapshot);
    }

    private LoadDriver newDriver() {
        switch (settings.scenario()) {
            case HANDSHAKES:
                return new HandshakeLoad(client, settings, errors);
            case IDLE:
                return new IdleLoad(client, settings, errors);
            default:
                return new PlayerLoad(client, settings, errors);
        }
    }

    /** Waits (bounded) until every connection is up, so that opening them is not part of the measurement. */
    private void awaitReady(LoadDriver driver, long runStart) {
        long deadline = System.nanoTime() + openTimeout().toNanos();
        while (!driver.ready().isDone() && System.nanoTime() < deadline) {
            waitUntil(Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(1)), driver);
            if (!driver.ready().isDone()) {
                tick(driver, "connecting", List.of(), runStart);
            }
        }
    }

    /** Generous: a loaded 2-core machine opens about a thousand TLS sessions a second. */
    private Duration openTimeout() {
        return settings.connectTimeout().plusSeconds(30 + settings.connections() / 100);
    }

    /**
     * Opens every session (measuring connect to WELCOME), says so on one line that scripts wait for
     * ({@code holding N sessions}), then holds them for the duration.
     */
    private void runIdle(IdleLoad idle, long runStart) {
        Meter opening = idle.welcomeMeter();
        opening.startMeasuring(System.nanoTime());
        long deadline = System.nanoTime() + openTimeout().toNanos();
        while (!idle.ready().isDone() && System.nanoTime() < deadline) {
            tick(idle, "opening", List.of(opening), runStart);
            waitUntil(Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(1)), idle);
        }
        opening.stopMeasuring(System.nanoTime());
        if (progress != null) {
            progress.printf(Locale.ROOT, "holding %d sessions (%d failed) after %.1f s%n", idle.held(),
                    settings.connections() - idle.held(), (System.nanoTime() - runStart) / 1e9);
        }
        phase(idle, "holding", settings.duration(), null, runStart);
    }

    private void phase(LoadDriver driver, String name, Duration length, Meter measured, long runStart) {
        phase(driver, name, length, measured, runStart, measured == null ? List.of() : List.of(measured));
    }

    /** Runs for {@code length}, measuring {@code measured} (all of them), printing progress. */
    private void phase(LoadDriver driver, String name, Duration length, Meter shown, long runStart,
                       List<Meter> measured) {
        if (length.isZero() || length.isNegative()) {
            return;
        }
        long start = System.nanoTime();
        for (Meter meter : measured) {
            meter.startMeasuring(start);
        }
        long end = start + length.toNanos();
        long nextTick = start + TimeUnit.SECONDS.toNanos(1);
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            waitUntil(Math.min(end, nextTick), null);
            if (System.nanoTime() >= nextTick) {
                tick(driver, name, shown == null ? driver.meters() : List.of(shown), runStart);
                nextTick += TimeUnit.SECONDS.toNanos(1);
            }
        }
        long stop = System.nanoTime();
        for (Meter meter : measured) {
            meter.stopMeasuring(stop);
        }
    }

    /** Collects every meter's last second and prints one line about {@code shown}. */
    private void tick(LoadDriver driver, String phaseName, List<Meter> shown, long runStart) {
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "%s %5.1fs %s:", label, (System.nanoTime() - runStart) / 1e9, phaseName));
        for (Meter meter : driver.meters()) {
            Histogram interval = meter.tick();
            if (shown.contains(meter)) {
                line.append(String.format(Locale.ROOT, " %s %d/s p99 %.0fus", meter.name(), interval.getTotalCount(),
                        interval.getTotalCount() == 0 ? 0.0 : interval.getValueAtPercentile(99) / 1000.0));
            }
        }
        line.append(" | ").append(driver.progressDetail()).append(", errors ").append(errors.total());
        if (progress != null) {
            progress.println(line);
        }
    }

    /** Waits until {@code deadlineNanos}, or until the load is ready when one is given. */
    private static void waitUntil(long deadlineNanos, LoadDriver idle) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            if (idle != null) {
                idle.ready().get(left, TimeUnit.NANOSECONDS);
            } else {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ignored) {
            // Time is up (or the future failed, which it never does): the caller checks the clock.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
