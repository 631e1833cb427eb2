package dev.tlsquiz.client;

import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.codec.Protocol;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the server is: a picocli mixin shared by every command that connects. */
public final class ConnectOptions {

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "localhost",
            description = "Server host name or address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + Protocol.DEFAULT_PORT,
            description = "Server port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Give up connecting and on the TLS handshake after this long, such as "
                    + DurationConverter.FORMS + " (default: ${DEFAULT-VALUE}).")
    private Duration connectTimeout;

    /** The server host. */
    public String host() {
        return host;
    }

    /** The server port, 1..65535 once {@link #validate()} passed. */
    public int port() {
        return port;
    }

    /** The connect (and handshake) timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Checks what picocli's types cannot.
     *
     * @return a usage message, or {@code null} when the options are fine
     */
    public String validate() {
        if (port < 1 || port > 65535) {
            return "--port: " + port + " (expected: 1..65535)";
        }
        if (host.isBlank()) {
            return "--host must not be empty";
        }
        return null;
    }
}
