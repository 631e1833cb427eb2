package dev.tlsquiz.client;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import dev.tlsquiz.text.TerminalText;
import java.util.Arrays;

/**
 * {@code %safeEx}: a stack trace as logback prints it, with the message of every exception in it
 * passed through {@link TerminalText}. Exception messages quote what peers sent (a certificate's
 * subject, a server's error text); the trace's own line breaks and indentation stay as they are.
 */
final class TerminalSafeThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(new SanitisedProxy(proxy));
    }

    /** {@code proxy} with its messages, and those of its causes and suppressed exceptions, sanitised. */
    private record SanitisedProxy(IThrowableProxy proxy) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return TerminalText.sanitize(proxy.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return TerminalText.sanitize(proxy.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return proxy.getCause() == null ? null : new SanitisedProxy(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            return suppressed == null ? null
                    : Arrays.stream(suppressed).map(SanitisedProxy::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
