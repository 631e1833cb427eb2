package dev.tlsquiz.bench.load;

import dev.tlsquiz.cli.EnumOption;

/** Reads and lists {@code --peer}: {@code quiz}, {@code echo} or {@code tls-only}, in any case. */
public final class PeerConverter extends EnumOption<Peer> {

    public PeerConverter() {
        super(Peer.class);
    }
}
