package dev.tlsquiz.client;

import dev.tlsquiz.cli.ManifestVersionProvider;
import dev.tlsquiz.codec.Protocol;

/**
 * The line {@code quiz --version} prints: the {@code Implementation-Version} of the jar manifest (set by
 * the build, else {@code dev} outside a jar), the protocol, and what it runs on (Netty, the TLS
 * implementation, Java).
 */
public final class VersionProvider extends ManifestVersionProvider {

    public VersionProvider() {
        super("quiz");
    }

    @Override
    protected String details() {
        return " (protocol " + Protocol.VERSION + ")";
    }

    /** The client's version string, never {@code null}. */
    public static String version() {
        return ManifestVersionProvider.version(VersionProvider.class);
    }
}
