package dev.tlsquiz.tls;

import java.security.cert.CertificateException;

/**
 * The known-hosts file holds another key for this server than the one it presented: either the
 * operator replaced the key, or someone is intercepting the connection. Never accepted automatically.
 */
public final class ServerKeyChangedException extends CertificateException {

    private final String host;
    private final int port;
    private final String knownPin;
    private final String presentedPin;

    public ServerKeyChangedException(String host, int port, String knownPin, String presentedPin) {
        super("WARNING: the key of the server at " + KnownHosts.entryKey(host, port) + " has changed: known "
                + knownPin + ", presented " + presentedPin + "; someone may be intercepting the connection."
                + " If the operator confirms the change, delete the line '" + KnownHosts.entryKey(host, port)
                + " " + knownPin + "' from the known_hosts file and connect again");
        this.host = host;
        this.port = port;
        this.knownPin = knownPin;
        this.presentedPin = presentedPin;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The pin in the known-hosts file. */
    public String knownPin() {
        return knownPin;
    }

    /** The pin the server presented now. */
    public String presentedPin() {
        return presentedPin;
    }
}
