package dev.tlsquiz.client;

import dev.tlsquiz.cli.ManifestVersionProvider;

/**
 * The version shown by {@code quiz --version}: the {@code Implementation-Version} of the jar
 * manifest (set by the build), else the package's specification version, else {@code dev} when
 * running from classes outside a jar.
 */
public final class VersionProvider extends ManifestVersionProvider {

    public VersionProvider() {
        super("quiz");
    }

    /** The client's version string, never {@code null}. */
    public static String version() {
        return ManifestVersionProvider.version(VersionProvider.class);
    }
}
