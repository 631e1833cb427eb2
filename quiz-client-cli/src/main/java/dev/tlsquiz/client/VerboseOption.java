package dev.tlsquiz.client;

import picocli.CommandLine.Option;

/** {@code --verbose}: a picocli mixin shared by the commands that play or host a game. */
public final class VerboseOption {

    @Option(names = "--verbose", description = "Show connection details and stack traces of failures.")
    private boolean verbose;

    /** Whether failures are shown with their details. */
    public boolean on() {
        return verbose;
    }
}
