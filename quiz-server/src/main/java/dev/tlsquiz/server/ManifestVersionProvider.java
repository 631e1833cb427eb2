package dev.tlsquiz.server;

import dev.tlsquiz.codec.Protocol;

/** {@code quiz-server --version}: the version from the jar manifest, the protocol and the Java version. */
public final class ManifestVersionProvider extends dev.tlsquiz.cli.ManifestVersionProvider {

    public ManifestVersionProvider() {
        super("quiz-server");
    }

    @Override
    protected String details() {
        return " (protocol " + Protocol.VERSION + ", Java " + Runtime.version() + ")";
    }
}
