package dev.tlsquiz.cli;

import dev.tlsquiz.tls.TlsLibraryVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Properties;

/**
 * What a program runs on, for the end of its {@code --version} line, as {@code ssh -V} names its
 * OpenSSL: {@code Netty 4.2.18.Final, BoringSSL (netty-tcnative 2.0.84.Final), Java 17.0.15+6}. A user
 * reporting a problem pastes one line that says everything that matters about the TLS underneath.
 */
public final class RuntimeVersions {

    /** Every Netty jar carries this file; in a merged jar one of them is left, all of the same version. */
    private static final String NETTY_VERSIONS = "META-INF/io.netty.versions.properties";

    private RuntimeVersions() {
    }

    /** {@code Netty X, TLS-IMPLEMENTATION, Java Y}. */
    public static String describe() {
        return "Netty " + netty() + ", " + TlsLibraryVersion.describe() + ", Java " + Runtime.version();
    }

    /**
     * Netty's version, read from its properties file rather than through {@code io.netty.util.Version},
     * which loads Netty's platform probing first (about 0.4 s on the build machine) for the same answer.
     */
    static String netty() {
        try {
            Enumeration<URL> files = RuntimeVersions.class.getClassLoader().getResources(NETTY_VERSIONS);
            while (files.hasMoreElements()) {
                Properties versions = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    versions.load(in);
                }
                for (String key : versions.stringPropertyNames()) {
                    if (key.endsWith(".version")) {
                        return versions.getProperty(key);
                    }
                }
            }
        } catch (IOException e) {
            // Only a version number is lost.
        }
        return "(unknown version)";
    }
}
