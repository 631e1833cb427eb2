package dev.tlsquiz.server;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.tlsquiz.text.TerminalText;

/**
 * {@code %oneLineMsg} in the server's {@code logback.xml}: a log event's message with every control
 * character a visible escape ({@link TerminalText}), so that each event stays one line.
 *
 * <p>Defence in depth only: a log statement escapes each untrusted value with
 * {@link dev.tlsquiz.text.LogText}, which also quotes it. This catches a statement that forgot to,
 * here or in a library. No message of the server's own holds a control character, so nothing
 * legitimate changes; stack traces, printed after the message, keep their lines.
 */
public final class OneLineMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return TerminalText.sanitize(super.convert(event));
    }
}
