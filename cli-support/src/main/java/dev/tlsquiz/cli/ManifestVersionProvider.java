package dev.tlsquiz.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The line {@code --version} prints: the program's name and its version from the jar manifest
 * (set by the build), the details a subclass adds, then what it runs on ({@link RuntimeVersions}):
 * {@code quiz 0.1.0 (protocol 1), Netty 4.2.18.Final, BoringSSL (netty-tcnative 2.0.84.Final), Java 17.0.15+6}.
 */
public abstract class ManifestVersionProvider implements IVersionProvider {

    /** What a build that does not run from a jar (an IDE, the test classpath) calls itself. */
    public static final String DEVELOPMENT = "dev";

    private final String program;

    protected ManifestVersionProvider(String program) {
        this.program = program;
    }

    @Override
    public String[] getVersion() {
        return new String[] {program + " " + version(getClass()) + details() + ", " + RuntimeVersions.describe()};
    }

    /** What follows the version on the line, such as {@code " (protocol 1)"}; nothing by default. */
    protected String details() {
        return "";
    }

    /**
     * The version of the jar {@code anchor} comes from: its manifest's {@code Implementation-Version},
     * else its {@code Specification-Version}, else {@value #DEVELOPMENT}. Never null.
     */
    public static String version(Class<?> anchor) {
        Package pkg = anchor.getPackage();
        if (pkg != null && pkg.getImplementationVersion() != null && !pkg.getImplementationVersion().isBlank()) {
            return pkg.getImplementationVersion();
        }
        if (pkg != null && pkg.getSpecificationVersion() != null && !pkg.getSpecificationVersion().isBlank()) {
            return pkg.getSpecificationVersion();
        }
        return DEVELOPMENT;
    }
}
