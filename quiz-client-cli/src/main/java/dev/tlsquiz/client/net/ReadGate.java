package dev.tlsquiz.client.net;

import io.netty.channel.Channel;

/**
 * Whether the client reads from the server. It stops reading for either of two reasons, and reads
 * again only when neither holds: the play loop has fallen a whole event queue behind (its output is
 * stuck, say), or the server does not read what the client writes (its PONGs and answers pile up past
 * the channel's high-water mark). Either way the server's data then waits in its own buffers and the
 * sockets, not in this client's memory.
 *
 * <p>Confined to the channel's event loop.
 */
final class ReadGate {

    private final Channel channel;
    private boolean loopBehind;
    private boolean writesPiledUp;

    ReadGate(Channel channel) {
        this.channel = channel;
    }

    /** The play loop's queue is full. */
    void loopFellBehind() {
        loopBehind = true;
        apply();
    }

    /** The play loop has taken its queue down to half. */
    void loopCaughtUp() {
        loopBehind = false;
        apply();
    }

    /** The channel's writability changed. */
    void writabilityChanged() {
        writesPiledUp = !channel.isWritable();
        apply();
    }

    /** Whether reading is off, so that a quiet connection says nothing about the server. */
    boolean closed() {
        return loopBehind || writesPiledUp;
    }

    private void apply() {
        // Turning autoRead back on also asks for the next read.
        channel.config().setAutoRead(!closed());
    }
}
