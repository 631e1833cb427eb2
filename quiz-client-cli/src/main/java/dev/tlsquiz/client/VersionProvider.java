package dev.tlsquiz.client;

import picocli.CommandLine.IVersionProvider;

/**
 * The version shown by {@code quiz --version}: the {@code Implementation-Version} of the jar
 * manifest (set by the build), else the package's specification version, else {@code dev} when
 * running from classes outside a jar.
 */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"quiz " + version()};
    }

    /** The client's version string, never {@code null}. */
    public static String version() {
        Package pkg = VersionProvider.class.getPackage();
        if (pkg != null && pkg.getImplementationVersion() != null) {
            return pkg.getImplementationVersion();
        }
        if (pkg != null && pkg.getSpecificationVersion() != null) {
            return pkg.getSpecificationVersion();
        }
        return "dev";
    }
}
