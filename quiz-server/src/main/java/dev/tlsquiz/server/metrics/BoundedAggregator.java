package dev.tlsquiz.server.metrics;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Aggregates a request of at most {@code maxBodyBytes}; a bigger one is answered 413 and the connection
 * closed. Netty's own answer would keep a keep-alive connection open and discard the rest of the body,
 * which here, with one request per connection, only holds a connection longer.
 */
final class BoundedAggregator extends HttpObjectAggregator {

    BoundedAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // MessageAggregator releases oversized itself, after this returns.
        ctx.channel().config().setAutoRead(false);
        HttpResponses.send(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "request body too large; the metrics endpoint serves GET requests without a body\n");
    }
}
