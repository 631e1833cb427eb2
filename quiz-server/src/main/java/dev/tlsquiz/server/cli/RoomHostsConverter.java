package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.EnumOption;
import dev.tlsquiz.server.config.RoomHosts;

/** Reads and lists the values of {@code --room-hosts}: {@code token}, {@code cert} or {@code anyone}. */
public final class RoomHostsConverter extends EnumOption<RoomHosts> {

    public RoomHostsConverter() {
        super(RoomHosts.class);
    }
}
