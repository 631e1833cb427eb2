package dev.tlsquiz.cli;

import dev.tlsquiz.tls.Transport;

/** Reads and lists {@code --transport}: {@code auto}, {@code epoll} or {@code nio}, in any case. */
public final class TransportConverter extends EnumOption<Transport> {

    public TransportConverter() {
        super(Transport.class);
    }
}
