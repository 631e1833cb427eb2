package dev.tlsquiz.client;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import java.util.Properties;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's provider in the {@code quiz} process: logback, set up by {@link ClientLogging} and nothing else.
 * Logback's own provider gets to the same set-up through its {@code ContextInitializer}, which first scans
 * the jar for configurators, checks the versions of logback's jars against each other and formats status
 * messages that nobody sees; that was two thirds of the time logging took to start (JFR samples), on the
 * path of every {@code quiz play}. Named with SLF4J's {@code slf4j.provider} property, which also saves SLF4J
 * its own scan for providers.
 *
 * <p>Chosen by {@link QuizMain#main} only, and only when neither SLF4J's provider nor a logback configuration
 * file is named already: {@code -Dlogback.configurationFile} still takes over through logback's own provider,
 * and code that runs the client in another process (tests) keeps logback's provider, which reaches the same
 * {@link ClientLogging} as a service.
 */
public final class ClientLogProvider implements SLF4JServiceProvider {

    /** SLF4J's switch for an explicit provider (SLF4J 2.0.9 and later). */
    static final String PROVIDER_PROPERTY = "slf4j.provider";

    /**
     * SLF4J's own messages: at its default (INFO) it would announce the explicit provider on stderr at every
     * start. Warnings and errors about SLF4J itself still show.
     */
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    static final String LOGBACK_CONFIGURATION_PROPERTY = "logback.configurationFile";

    private LoggerContext context;
    private IMarkerFactory markerFactory;
    private LogbackMDCAdapter mdcAdapter;

    /**
     * Names this provider in {@code properties} (the system properties, before anything logs) unless they
     * name a provider or a logback configuration file already.
     */
    static void select(Properties properties) {
        if (properties.getProperty(PROVIDER_PROPERTY) != null
                || properties.getProperty(LOGBACK_CONFIGURATION_PROPERTY) != null) {
            return;
        }
        properties.setProperty(PROVIDER_PROPERTY, ClientLogProvider.class.getName());
        if (properties.getProperty(VERBOSITY_PROPERTY) == null) {
            properties.setProperty(VERBOSITY_PROPERTY, "WARN");
        }
    }

    @Override
    public void initialize() {
        // What logback's provider does, with ClientLogging in place of the ContextInitializer.
        context = new LoggerContext();
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        ClientLogging logging = new ClientLogging();
        logging.setContext(context);
        logging.configure(context);
        context.start();
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = new LogbackMDCAdapter();
        context.setMDCAdapter(mdcAdapter);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return LogbackServiceProvider.REQUESTED_API_VERSION;
    }
}
