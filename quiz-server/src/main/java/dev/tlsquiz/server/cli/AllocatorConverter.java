package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.EnumOption;
import dev.tlsquiz.server.ServerTuning;

/** Reads and lists {@code --allocator}: {@code adaptive} or {@code pooled}, in any case. */
public final class AllocatorConverter extends EnumOption<ServerTuning.Allocator> {

    public AllocatorConverter() {
        super(ServerTuning.Allocator.class);
    }
}
