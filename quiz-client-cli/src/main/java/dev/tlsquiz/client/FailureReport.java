package dev.tlsquiz.client;

import dev.tlsquiz.client.render.SessionRenderer;
import org.slf4j.LoggerFactory;

/** How a command that plays or hosts a game ends on a failure: shown to the user, and its exit code. */
public final class FailureReport {

    private FailureReport() {
    }

    /**
     * Shows {@code failure} through the renderer (and with {@code --verbose}, its cause's stack trace, logged
     * as {@code command}) and returns its exit code.
     */
    public static int exitCode(SessionRenderer renderer, ClientFailure failure, boolean verbose, Class<?> command) {
        renderer.failure(failure);
        if (verbose && failure.getCause() != null) {
            // Looked up only here: building and starting a command need not wait for logging to start.
            LoggerFactory.getLogger(command).warn("details of the failure above", failure.getCause());
        }
        return failure.exitCode();
    }
}
