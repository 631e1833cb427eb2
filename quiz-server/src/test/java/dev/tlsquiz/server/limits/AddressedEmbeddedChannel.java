package dev.tlsquiz.server.limits;

import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** An {@link EmbeddedChannel} whose peer has an IP address, as an accepted TCP connection does. */
final class AddressedEmbeddedChannel extends EmbeddedChannel {

    private final InetSocketAddress remote;

    private AddressedEmbeddedChannel(InetSocketAddress remote, ChannelHandler... handlers) {
        super(EmbeddedChannel.builder().register(false).handlers(handlers));
        this.remote = remote;
    }

    /** A registered channel from {@code host:port}, with {@code handlers} added in order. */
    static AddressedEmbeddedChannel from(String host, int port, ChannelHandler... handlers) {
        AddressedEmbeddedChannel channel = new AddressedEmbeddedChannel(new InetSocketAddress(host, port), handlers);
        try {
            channel.register();
        } catch (Exception e) {
            throw new AssertionError("cannot register the embedded channel", e);
        }
        return channel;
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return remote;
    }
}
