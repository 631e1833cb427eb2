package dev.tlsquiz.server;

/** The version of this build, from the jar manifest's {@code Implementation-Version}. */
final class ServerVersion {

    /** What a build that does not run from a jar (an IDE, the test classpath) calls itself. */
    static final String DEVELOPMENT = "dev";

    private ServerVersion() {
    }

    /** The version, such as {@code 0.1.0}, or {@value #DEVELOPMENT} outside a jar. */
    static String version() {
        String version = ServerVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? DEVELOPMENT : version;
    }

    /** The server name sent in WELCOME, such as {@code tlsquiz/0.1.0}. */
    static String serverName() {
        return "tlsquiz/" + version();
    }
}
