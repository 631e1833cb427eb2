package dev.tlsquiz.server;

import dev.tlsquiz.codec.Protocol;
import picocli.CommandLine.IVersionProvider;

/** {@code quiz-server --version}: the version from the jar manifest. */
public final class ManifestVersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"quiz-server " + ServerVersion.version() + " (protocol " + Protocol.VERSION + ", Java "
                + Runtime.version() + ")"};
    }
}
