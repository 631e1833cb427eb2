package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.ManifestVersionProvider;
import dev.tlsquiz.codec.Protocol;

/**
 * {@code quiz-server --version}: the version from the jar manifest, the protocol, and what it runs on
 * (Netty, the TLS implementation, Java).
 */
public final class ServerVersionProvider extends ManifestVersionProvider {

    public ServerVersionProvider() {
        super("quiz-server");
    }

    @Override
    protected String details() {
        return " (protocol " + Protocol.VERSION + ")";
    }
}
