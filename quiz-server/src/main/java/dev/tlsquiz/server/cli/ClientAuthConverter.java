package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.EnumOption;
import dev.tlsquiz.tls.ClientAuthMode;

/** Reads {@code --client-auth}: {@code none}, {@code optional} or {@code require}, any case. */
public final class ClientAuthConverter extends EnumOption<ClientAuthMode> {

    public ClientAuthConverter() {
        super(ClientAuthMode.class);
    }
}
