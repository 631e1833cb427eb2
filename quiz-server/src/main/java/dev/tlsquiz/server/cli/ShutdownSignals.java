package dev.tlsquiz.server.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM and SIGINT (Ctrl+C) into a call the server's main thread waits for, until
 * {@link #close()} puts the previous handlers back.
 *
 * <p>Why signal handlers and not a shutdown hook: a hook runs while the JVM is already exiting,
 * with the exit status of the signal (143 or 130) and no way to change it short of
 * {@code Runtime.halt}, which skips other hooks and log flushing. Handling the signals ourselves
 * keeps the JVM alive while sessions finish within the grace period, and lets {@code main} return
 * normally and exit with status 0, as service managers expect from a clean stop.
 */
final class ShutdownSignals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private ShutdownSignals() {
    }

    /** Calls {@code onSignal} with the signal's name (such as {@code SIGTERM}) each time one arrives. */
    static ShutdownSignals install(Consumer<String> onSignal) {
        ShutdownSignals signals = new ShutdownSignals();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            try {
                signals.previous.put(signal, Signal.handle(signal, s -> onSignal.accept("SIG" + s.getName())));
            } catch (IllegalArgumentException e) {
                // Reserved or ignored (started with -Xrs, or in the background with SIGINT ignored).
                LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        return signals;
    }

    /** Puts back the handlers that were there before. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
        previous.clear();
    }
}
