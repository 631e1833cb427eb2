package dev.tlsquiz.tls;

import io.netty.util.NetUtil;

/**
 * The one way this project writes an address as {@code host:port}: in messages to the user, in
 * logs, in the server's listening line and as the key of a known-hosts entry. An IPv6 literal is
 * put in brackets ({@code [::1]:26062}), as a URL and an OpenSSH known_hosts file do, so the port
 * cannot be mistaken for part of the address.
 */
public final class HostPort {

    private HostPort() {
    }

    /**
     * {@code host:port}, or {@code [host]:port} when {@code host} is an IPv6 literal (left as it is
     * when it already has its brackets).
     */
    public static String format(String host, int port) {
        return NetUtil.toSocketAddressString(host, port);
    }
}
