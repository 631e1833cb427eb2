package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.ManifestVersionProvider;
import dev.tlsquiz.codec.Protocol;
import java.util.stream.Collectors;

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
        // A server speaks every supported version, a client asks for one: say them all.
        return " (protocol " + Protocol.SUPPORTED_VERSIONS.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
    }
}
