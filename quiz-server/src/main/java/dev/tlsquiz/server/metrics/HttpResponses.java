package dev.tlsquiz.server.metrics;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** The one way the metrics listener answers: a whole response, then close (one request per connection). */
final class HttpResponses {

    private HttpResponses() {
    }

    /** A plain-text response of {@code status} with {@code text}. */
    static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
        send(ctx, status, "text/plain; charset=utf-8", ByteBufUtil.writeUtf8(ctx.alloc(), text), null);
    }

    /**
     * A response of {@code status} whose body is {@code body} (released with the write), with {@code
     * allow} as its {@code Allow} header when not null; the connection closes once it is written.
     */
    static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, ByteBuf body,
                     String allow) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (allow != null) {
            response.headers().set(HttpHeaderNames.ALLOW, allow);
        }
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
