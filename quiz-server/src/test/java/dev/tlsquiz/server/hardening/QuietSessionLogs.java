package dev.tlsquiz.server.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Raises the server session logger to WARN for each test of a class that uses it: abuse tests end
 * hundreds of sessions, and one INFO line each would bury the output (and slow the test down)
 * without proving anything. The level is restored after each test.
 */
public final class QuietSessionLogs implements BeforeEachCallback, AfterEachCallback {

    private static final Logger SESSIONS = (Logger) LoggerFactory.getLogger("dev.tlsquiz.server.QuizSession");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(QuietSessionLogs.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("level", String.valueOf(SESSIONS.getLevel()));
        SESSIONS.setLevel(Level.WARN);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String previous = context.getStore(NAMESPACE).remove("level", String.class);
        SESSIONS.setLevel("null".equals(previous) ? null : Level.toLevel(previous));
    }
}
