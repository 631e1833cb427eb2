package dev.tlsquiz.client;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.tlsquiz.text.TerminalText;

/**
 * {@code %safeMsg}: a log event's message as {@link TerminalText} shows it. The client logs to the
 * user's terminal, and a message may quote what a server or a certificate said.
 */
final class TerminalSafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return TerminalText.sanitize(super.convert(event));
    }
}
