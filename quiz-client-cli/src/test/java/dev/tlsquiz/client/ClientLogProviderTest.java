package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The provider QuizMain names: the same logging as logback's own provider with ClientLogging gives. */
class ClientLogProviderTest {

    @Test
    void initialize_whenCalled_thenRootLogsWarningsToStderrWithTheTerminalSafePattern() {
        ClientLogProvider provider = new ClientLogProvider();
        provider.initialize();

        LoggerContext context = assertInstanceOf(LoggerContext.class, provider.getLoggerFactory());
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        ConsoleAppender<?> appender = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
        assertEquals("System.err", appender.getTarget());
        assertEquals(ClientLogging.PATTERN, ((PatternLayoutEncoder) appender.getEncoder()).getPattern());
        assertNotNull(provider.getMarkerFactory());
        assertNotNull(provider.getMDCAdapter());
        assertEquals("2", provider.getRequestedApiVersion().substring(0, 1));
        context.stop();
    }

    @Test
    void select_whenNothingNamed_thenNamesThisProviderAndQuietsSlf4jsInfoLines() {
        Properties properties = new Properties();
        ClientLogProvider.select(properties);
        assertEquals(ClientLogProvider.class.getName(), properties.getProperty(ClientLogProvider.PROVIDER_PROPERTY));
        assertEquals("WARN", properties.getProperty(ClientLogProvider.VERBOSITY_PROPERTY));
    }

    @Test
    void select_whenAVerbosityIsSet_thenKeepsIt() {
        Properties properties = new Properties();
        properties.setProperty(ClientLogProvider.VERBOSITY_PROPERTY, "DEBUG");
        ClientLogProvider.select(properties);
        assertEquals("DEBUG", properties.getProperty(ClientLogProvider.VERBOSITY_PROPERTY));
    }

    @Test
    void select_whenALogbackFileIsNamed_thenLeavesLoggingToLogback() {
        Properties properties = new Properties();
        properties.setProperty(ClientLogProvider.LOGBACK_CONFIGURATION_PROPERTY, "/tmp/logback.xml");
        ClientLogProvider.select(properties);
        assertNull(properties.getProperty(ClientLogProvider.PROVIDER_PROPERTY));
        assertNull(properties.getProperty(ClientLogProvider.VERBOSITY_PROPERTY));
    }

    @Test
    void select_whenAProviderIsNamed_thenKeepsIt() {
        Properties properties = new Properties();
        properties.setProperty(ClientLogProvider.PROVIDER_PROPERTY, "org.example.Other");
        ClientLogProvider.select(properties);
        assertEquals("org.example.Other", properties.getProperty(ClientLogProvider.PROVIDER_PROPERTY));
    }
}
