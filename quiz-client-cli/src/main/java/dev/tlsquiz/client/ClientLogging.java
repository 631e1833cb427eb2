package dev.tlsquiz.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The client's logging: warnings and errors only, on stderr, so that Netty's own logging never
 * mixes with the game (or the JSON lines) on stdout. Messages and exception messages pass through
 * {@link dev.tlsquiz.text.TerminalText} ({@code %safeMsg}, {@code %safeEx}), as everything else the
 * client prints does.
 *
 * <p>Set up in code (found by logback through {@code META-INF/services}) rather than in a
 * {@code logback.xml}: reading XML costs a SAX parser and logback's Joran model, a tenth of a
 * second of every start of {@code quiz}. A file named by {@code -Dlogback.configurationFile}
 * still takes over, as it would have over the XML.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ClientLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %safeMsg%n%safeEx";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // Logback's own status messages stay silent, as they did with the XML's NopStatusListener.
        context.getStatusManager().add(new NopStatusListener());
        // The log is the user's terminal: messages and exceptions that quote a server or a certificate
        // are shown with their control characters escaped, never obeyed.
        Map<String, Supplier<DynamicConverter>> rules = new HashMap<>();
        rules.put("safeMsg", TerminalSafeMessageConverter::new);
        rules.put("safeEx", TerminalSafeThrowableConverter::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
