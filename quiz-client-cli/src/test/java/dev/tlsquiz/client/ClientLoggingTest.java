package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client's logging set-up: warnings and errors on stderr only, as logback.xml used to say. */
class ClientLoggingTest {

    @Test
    void configure_whenCalled_thenRootLogsWarningsToStderrWithThePattern() {
        LoggerContext context = new LoggerContext();
        ClientLogging logging = new ClientLogging();
        logging.setContext(context);

        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, logging.configure(context));

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        ConsoleAppender<?> appender = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
        assertEquals("System.err", appender.getTarget());
        assertTrue(appender.isStarted());
        assertEquals(ClientLogging.PATTERN, ((PatternLayoutEncoder) appender.getEncoder()).getPattern());
        context.stop();
    }

    @Test
    void loggerFactory_whenClientOnClasspath_thenLogbackFoundTheConfiguratorAsAService() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
    }
}
