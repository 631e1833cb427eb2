package dev.tlsquiz.server.cli;

import dev.tlsquiz.server.ServerStartException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The exit codes of {@code quiz-server}, one constant each, so that a service manager or a script can
 * tell a busy port from a broken certificate. Listed in {@code --help} through {@link #helpList()} and in
 * the README's "Exit codes".
 */
public final class ServerExitCodes {

    /** Stopped after SIGTERM or SIGINT (also when a second signal cut the grace period short). */
    public static final int OK = CommandLine.ExitCode.OK;
    /** A {@code certs} command failed, or an unexpected internal error. */
    public static final int FAILED = CommandLine.ExitCode.SOFTWARE;
    /** The command line was wrong: an unknown option, a bad value, a --bind that is no address. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** Cannot listen: the port is in use, or the address is not this machine's. */
    public static final int CANNOT_LISTEN = 3;
    /**
     * TLS cannot be set up: a certificate, key, CA or CRL file is missing, unreadable or invalid, or the
     * TLS provider refuses a setting ({@code --tls-provider}, {@code --tls-groups}).
     */
    public static final int TLS_SETUP = 4;
    /** A private key file can be read by group or others. */
    public static final int KEY_PERMISSIONS = 5;

    private ServerExitCodes() {
    }

    /** The exit code for a server that could not start for {@code reason}. */
    public static int of(ServerStartException.Reason reason) {
        return switch (reason) {
            case CANNOT_LISTEN -> CANNOT_LISTEN;
            case TLS_SETUP -> TLS_SETUP;
            case KEY_PERMISSIONS -> KEY_PERMISSIONS;
            case INVALID_BANK -> USAGE;
        };
    }

    /** The list shown under "Exit codes:" in {@code --help}: code to description, in order. */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        list.put(Integer.toString(OK), "stopped after SIGTERM or Ctrl-C (a second one ends the grace period)");
        list.put(Integer.toString(FAILED), "a certs command failed, or an unexpected internal error");
        list.put(Integer.toString(USAGE), "usage error (bad command line, including a --bind that is no address,"
                + " or a --bank that cannot be served)");
        list.put(Integer.toString(CANNOT_LISTEN), "cannot listen: the port is in use, or the address is not"
                + " this machine's");
        list.put(Integer.toString(TLS_SETUP), "TLS cannot be set up: a certificate, key, CA or CRL"
                + " file is missing, unreadable or invalid, or the provider refuses --tls-provider/--tls-groups");
        list.put(Integer.toString(KEY_PERMISSIONS), "a private key or host token file is readable by group or others");
        return list;
    }
}
