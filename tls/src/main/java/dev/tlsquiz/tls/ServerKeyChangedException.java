package dev.tlsquiz.tls;

import dev.tlsquiz.text.TerminalText;
import java.nio.file.Path;
import java.security.cert.CertificateException;

/**
 * The known-hosts file holds a line for this server, and no line for it holds the key it presented:
 * either the operator replaced the key, or someone is intercepting the connection. A line whose pin
 * cannot be read counts too, since it may once have held the real key. Never accepted automatically,
 * and never turned into a trust-on-first-use question.
 */
public final class ServerKeyChangedException extends CertificateException {

    private final String host;
    private final int port;
    private final String knownPin;
    private final String presentedPin;
    private final Path knownHostsFile;
    private final int line;

    /**
     * @param entry        the first line about this server; its text is shown sanitised when its pin
     *                     cannot be read
     * @param presentedPin the pin of the key the server presented
     */
    public ServerKeyChangedException(String host, int port, Path knownHostsFile, KnownHosts.Entry entry,
                                     String presentedPin) {
        super(message(host, port, knownHostsFile, entry, presentedPin));
        this.host = host;
        this.port = port;
        this.knownPin = entry.pin();
        this.presentedPin = presentedPin;
        this.knownHostsFile = knownHostsFile;
        this.line = entry.line();
    }

    private static String message(String host, int port, Path file, KnownHosts.Entry entry, String presentedPin) {
        String server = KnownHosts.entryKey(host, port);
        String where = "line " + entry.line() + " of " + TerminalText.sanitize(file.toString());
        String known = entry.readable()
                ? where + " holds " + entry.pin()
                : where + " holds an entry for it whose pin cannot be read ("
                        + TerminalText.sanitize(entry.problem()) + "), so the key it held is unknown";
        return "WARNING: the key of the server at " + server + " has changed: " + known + ", and the server"
                + " presented " + presentedPin + "; someone may be intercepting the connection. If the operator"
                + " confirms that " + presentedPin + " is the server's key, run 'quiz known-hosts remove " + server
                + "' (or delete " + where + ") and connect again";
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The pin on the known-hosts line, or {@code null} when that line holds no readable pin. */
    public String knownPin() {
        return knownPin;
    }

    /** The pin the server presented now. */
    public String presentedPin() {
        return presentedPin;
    }

    /** The known-hosts file that holds the line. */
    public Path knownHostsFile() {
        return knownHostsFile;
    }

    /** The number of the line about this server, from 1. */
    public int line() {
        return line;
    }
}
