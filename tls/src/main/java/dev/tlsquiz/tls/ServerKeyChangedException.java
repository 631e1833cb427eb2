package dev.tlsquiz.tls;

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
    private final String knownLineProblem;

    /**
     * @param entry        the first line about this server
     * @param presentedPin the pin of the key the server presented
     */
    public ServerKeyChangedException(String host, int port, Path knownHostsFile, KnownHosts.Entry entry,
                                     String presentedPin) {
        super(message(host, port, entry, presentedPin));
        this.host = host;
        this.port = port;
        this.knownPin = entry.pin();
        this.presentedPin = presentedPin;
        this.knownHostsFile = knownHostsFile;
        this.line = entry.line();
        this.knownLineProblem = entry.readable() ? "" : entry.problem();
    }

    private static String message(String host, int port, KnownHosts.Entry entry, String presentedPin) {
        return "the key of the server at " + KnownHosts.entryKey(host, port) + " is not the one on line "
                + entry.line() + " of the known-hosts file (" + (entry.readable() ? entry.pin() : "unreadable")
                + "): it presented " + presentedPin;
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

    /**
     * Why the pin on that line cannot be read (text from the file: untrusted), or empty when it can;
     * exactly when {@link #knownPin()} is null.
     */
    public String knownLineProblem() {
        return knownLineProblem;
    }
}
