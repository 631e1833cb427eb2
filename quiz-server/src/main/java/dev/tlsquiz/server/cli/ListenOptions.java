package dev.tlsquiz.server.cli;

import dev.tlsquiz.server.config.Listening;
import picocli.CommandLine.Option;

/** {@code --bind} and {@code --port}: a picocli mixin for {@link Listening}. */
public final class ListenOptions {

    @Option(names = "--bind", defaultValue = Listening.DEFAULT_BIND_ADDRESS, paramLabel = "ADDRESS",
            converter = BindAddressConverter.class,
            description = "Address to listen on, or a host name that resolves to one; 0.0.0.0 for every"
                    + " interface (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--port", defaultValue = "26062", paramLabel = "PORT",
            description = "TCP port; 0 picks any free port (default: ${DEFAULT-VALUE}).")
    private int port;

    /**
     * Where to listen.
     *
     * @throws IllegalArgumentException naming the option whose value is not acceptable
     */
    public Listening toListening() {
        return new Listening(bind, port);
    }
}
