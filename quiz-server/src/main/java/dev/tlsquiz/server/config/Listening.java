package dev.tlsquiz.server.config;

import dev.tlsquiz.codec.Protocol;
import java.util.Objects;

/**
 * Where the server listens.
 *
 * @param bindAddress the address to listen on ({@code --bind})
 * @param port        the TCP port, 0 for any free port ({@code --port})
 */
public record Listening(String bindAddress, int port) {

    /** The loopback address: a server is reachable from elsewhere only when the operator says so. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    public Listening {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Checks.require(port >= 0 && port <= 0xFFFF, "--port: " + port + " (expected: 0..65535, 0 for any free port)");
    }

    /** Loopback, on the protocol's port. */
    public static Listening defaults() {
        return new Listening(DEFAULT_BIND_ADDRESS, Protocol.DEFAULT_PORT);
    }

    public Listening withBindAddress(String value) {
        return new Listening(value, port);
    }

    public Listening withPort(int value) {
        return new Listening(bindAddress, value);
    }
}
