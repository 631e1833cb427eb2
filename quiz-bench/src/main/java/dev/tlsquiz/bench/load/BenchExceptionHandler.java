package dev.tlsquiz.bench.load;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Last in every bench pipeline, as in the server's and the client's: a failure anywhere above it
 * (TLS, framing, decoding, the player) is counted once, through the connection's
 * {@link ConnectionEnd}, and closes the connection. It logs nothing: a load generator reports its
 * failures as counts by kind, and thousands of connections failing alike would flood a log.
 */
final class BenchExceptionHandler extends ChannelInboundHandlerAdapter {

    private final ConnectionEnd end;

    BenchExceptionHandler(ConnectionEnd end) {
        this.end = end;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        end.failed(cause);
        ctx.close();
    }
}
