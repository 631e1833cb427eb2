package dev.tlsquiz.server.metrics;

import java.net.InetSocketAddress;

/** The metrics listener could not bind its address (in use, or not an address of this machine). */
public final class MetricsBindException extends Exception {

    private final transient InetSocketAddress address;

    MetricsBindException(InetSocketAddress address, Throwable cause) {
        super("cannot listen on " + address + ": " + cause.getMessage(), cause);
        this.address = address;
    }

    /** The address that could not be bound. */
    public InetSocketAddress address() {
        return address;
    }
}
