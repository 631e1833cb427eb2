package dev.tlsquiz.server.certs;

import dev.tlsquiz.cli.EnumOption;

/** Reads and lists the values of {@code certs client --role}: {@code player} or {@code host}. */
public final class ClientRoleConverter extends EnumOption<ClientRole> {

    public ClientRoleConverter() {
        super(ClientRole.class);
    }
}
