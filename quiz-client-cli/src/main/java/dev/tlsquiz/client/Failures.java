package dev.tlsquiz.client;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.QuizProtocolException;
import dev.tlsquiz.tls.HandshakeFailure;
import dev.tlsquiz.tls.HostPort;
import dev.tlsquiz.tls.UnknownServerKeyException;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong into a {@link ClientFailure}: the exit code, and one line that says what
 * happened and what to do next. Every user-visible failure of {@code quiz play} is made here, so
 * the wording and the exit codes stay consistent.
 */
public final class Failures {

    private Failures() {
    }

    /** The command line was wrong; {@code line} says how, and where to read more. */
    public static ClientFailure usage(String line) {
        return new ClientFailure(ExitCodes.USAGE, "USAGE", line, null);
    }

    /** The TCP connection was not established within the connect timeout. */
    public static ClientFailure connectTimedOut(String host, int port, Duration timeout) {
        return new ClientFailure(ExitCodes.CONNECT_FAILED, "CONNECT_TIMEOUT",
                "could not connect to " + address(host, port) + ": no answer within "
                        + seconds(timeout) + " — check --host and --port, and that no firewall drops"
                        + " the connection (or raise --connect-timeout)", null);
    }

    /** The TCP connection failed. */
    public static ClientFailure connectFailed(Throwable cause, String host, int port, Duration timeout) {
        String address = address(host, port);
        if (find(cause, ConnectTimeoutException.class) != null) {
            ClientFailure failure = connectTimedOut(host, port, timeout);
            failure.initCause(cause);
            return failure;
        }
        if (find(cause, UnknownHostException.class) != null) {
            return new ClientFailure(ExitCodes.CONNECT_FAILED, "UNKNOWN_HOST",
                    "could not connect to " + address + ": unknown host '" + host
                            + "' — check the spelling of --host", cause);
        }
        String detail = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (find(cause, NoRouteToHostException.class) != null || detail.contains("unreachable")) {
            return new ClientFailure(ExitCodes.CONNECT_FAILED, "UNREACHABLE",
                    "could not connect to " + address + ": host or network unreachable"
                            + " — check --host and your network connection", cause);
        }
        if (find(cause, ConnectException.class) != null && detail.contains("refused")) {
            return new ClientFailure(ExitCodes.CONNECT_FAILED, "CONNECTION_REFUSED",
                    "could not connect to " + address + ": connection refused"
                            + " — is the server running? start it with scripts/quiz-server", cause);
        }
        return new ClientFailure(ExitCodes.CONNECT_FAILED, "CONNECT_FAILED",
                "could not connect to " + address + ": " + cause.getMessage()
                        + " — check --host and --port", cause);
    }

    /** The TLS layer could not be set up from the options (a missing or unreadable file...). */
    public static ClientFailure tlsSetup(Exception cause) {
        return new ClientFailure(ExitCodes.TLS_FAILED, "TLS_CONFIG",
                "cannot set up TLS: " + cause.getMessage(), cause);
    }

    /** The TLS handshake failed, or the server's TLS layer rejected us later. */
    public static ClientFailure tlsFailed(Throwable cause, String host, int port) {
        HandshakeFailure failure = HandshakeFailure.classify(cause, host, port);
        return new ClientFailure(ExitCodes.TLS_FAILED, failure.kind().name(), HandshakeFailureText.describe(failure),
                cause);
    }

    /** The server is unknown and the user (or the absence of a terminal) did not trust it. */
    public static ClientFailure unknownServerRefused(UnknownServerKeyException unknown, Path knownHosts,
                                                     boolean asked) {
        String why = asked ? "not trusted" : "not trusted, and there is no terminal to ask";
        return new ClientFailure(ExitCodes.TLS_FAILED, "UNKNOWN_SERVER_KEY",
                "the server " + address(unknown.host(), unknown.port()) + " is " + why
                        + ": its certificate is not from a trusted CA and its key " + unknown.pin()
                        + " is not in " + knownHosts + " — if you trust this key, run again with --pin "
                        + unknown.pin() + " (or --cafile with the server's CA certificate)", unknown);
    }

    /** The server sent ERROR: it ends the session. */
    public static ClientFailure serverError(ErrorMessage error) {
        String name = error.errorCode().map(Enum::name).orElse("ERROR_" + error.code());
        return new ClientFailure(ExitCodes.PROTOCOL_ERROR, name, error.code(),
                "server error " + name + " (" + error.code() + "): " + error.message(), null);
    }

    /** The server closed the connection before the SUMMARY. */
    public static ClientFailure closedEarly(String when) {
        return new ClientFailure(ExitCodes.PROTOCOL_ERROR, "CONNECTION_CLOSED",
                "the server closed the connection " + when
                        + " — it may have restarted or dropped us; try again", null);
    }

    /** The server sent no complete message, not even a PONG, for too long (bytes of a frame do not count). */
    public static ClientFailure serverSilent(long silentMillis, String when) {
        return new ClientFailure(ExitCodes.PROTOCOL_ERROR, "SERVER_SILENT",
                "the server sent no complete message for " + millis(silentMillis) + " " + when
                        + " — it may be overloaded, stuck or misbehaving; try again later (or raise"
                        + " --server-timeout)", null);
    }

    /**
     * The server kept the connection alive but made no progress in time.
     *
     * @param awaited   what it owed, such as {@code verdict on problem 2/10}
     * @param allowance how long it had, such as {@code within 60 s}
     */
    public static ClientFailure serverStalled(String awaited, String allowance, String when) {
        return new ClientFailure(ExitCodes.PROTOCOL_ERROR, "SERVER_STALLED",
                "the server sent no " + awaited + " " + allowance + " " + when
                        + " — it may be overloaded, stuck or misbehaving; try again later (or raise"
                        + " --server-timeout)", null);
    }

    /** Stdout cannot be written any more: a closed pipe (the reader ended) or a full disk. */
    public static ClientFailure outputClosed() {
        return new ClientFailure(ExitCodes.INTERNAL_ERROR, "OUTPUT_CLOSED",
                "cannot write the output any more (stdout was closed, e.g. the program reading it ended, or"
                        + " its disk is full); the session was abandoned", null);
    }

    /** The connection failed after the handshake. */
    public static ClientFailure sessionFailed(Throwable cause, String host, int port, String when) {
        if (find(cause, SSLException.class) != null) {
            return tlsFailed(cause, host, port);
        }
        QuizProtocolException protocol = find(cause, QuizProtocolException.class);
        if (protocol != null) {
            ErrorCode code = protocol.errorCode();
            return new ClientFailure(ExitCodes.PROTOCOL_ERROR, code.name(), code.code(),
                    "the server at " + address(host, port) + " sent data this client cannot read "
                            + when + " (" + protocol.getMessage() + ") — is it a tlsquiz server of"
                            + " a compatible version?", cause);
        }
        if (find(cause, IOException.class) != null) {
            return new ClientFailure(ExitCodes.PROTOCOL_ERROR, "CONNECTION_LOST",
                    "the connection to " + address(host, port) + " broke " + when + ": "
                            + cause.getMessage() + " — try again", cause);
        }
        return internal(cause);
    }

    /** A bug: something this client did not expect. */
    public static ClientFailure internal(Throwable cause) {
        return new ClientFailure(ExitCodes.INTERNAL_ERROR, "INTERNAL_ERROR",
                "internal error: " + cause + " — please report it, with the output of --verbose", cause);
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    public static String address(String host, int port) {
        return HostPort.format(host, port);
    }

    private static String seconds(Duration duration) {
        return millis(duration.toMillis());
    }

    /** A time for a message: {@code 60 s} when whole seconds, else {@code 1500 ms}. */
    public static String millis(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static <T extends Throwable> T find(Throwable cause, Class<T> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
