package dev.tlsquiz.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

/** A chunked body that grows past the limit: 413, and the aggregated request released once, not twice. */
class BoundedAggregatorTest {

    @Test
    void chunkedBodyPastTheLimit_thenAnswered413_withoutReleasingTheRequestTwice() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedAggregator(16));
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/metrics");
        request.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);

        channel.writeInbound(request);
        channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[10])));
        channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[10])));
        // A second release of the aggregated request would surface here as IllegalReferenceCountException.
        channel.checkException();

        Object response = channel.readOutbound();
        try {
            assertEquals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, ((FullHttpResponse) response).status());
        } finally {
            ReferenceCountUtil.release(response);
        }
        assertFalse(channel.finishAndReleaseAll());
    }
}
