package dev.tlsquiz.server.metrics;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request of a metrics connection, then closes it:
 *
 * <ul>
 *   <li>{@code GET /metrics}: every metric, in OpenMetrics when {@code Accept} asks for it, else the
 *       Prometheus text format;
 *   <li>{@code GET /health/live}: 200 while the process serves;
 *   <li>{@code GET /health/ready}: 200 while the server takes new players, 503 with the reason
 *       otherwise (draining for shutdown, results store full);
 *   <li>another method: 405; another path: 404; a request line, headers or body over the limits:
 *       414, 431, 413; a malformed request: 400; no complete request within the request timeout: 408.
 * </ul>
 *
 * The query string is ignored. One instance per connection; its timer runs on the channel's loop.
 */
final class MetricsRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsRequestHandler.class);
    static final String PATHS = "/metrics, /health/live or /health/ready";

    private final PrometheusServerMetrics metrics;
    private final Readiness readiness;
    private final long requestTimeoutNanos;
    private ScheduledFuture<?> deadline;
    private boolean answered;

    MetricsRequestHandler(PrometheusServerMetrics metrics, Readiness readiness, Duration requestTimeout) {
        this.metrics = metrics;
        this.readiness = readiness;
        this.requestTimeoutNanos = requestTimeout.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        // From connect, not from the last byte: a steady trickle does not push it back.
        deadline = ctx.executor().schedule(() -> {
            if (!answered) {
                answer(ctx, HttpResponseStatus.REQUEST_TIMEOUT, "no complete request within "
                        + TimeUnit.NANOSECONDS.toMillis(requestTimeoutNanos) + " ms; send the whole request at once\n");
            }
        }, requestTimeoutNanos, TimeUnit.NANOSECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (deadline != null) {
            deadline.cancel(false);
        }
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (answered) {
            // One request per connection: a pipelined second request is not read.
            return;
        }
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                answer(ctx, HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long; request " + PATHS + "\n");
            } else if (cause instanceof TooLongHttpHeaderException) {
                answer(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request headers too large\n");
            } else if (cause instanceof TooLongFrameException) {
                answer(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "request too large\n");
            } else {
                answer(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request\n");
            }
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            answered = true;
            HttpResponses.send(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8",
                    ByteBufUtil.writeUtf8(ctx.alloc(), "only GET is served here\n"), "GET");
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        switch (path) {
            case "/metrics" -> scrape(ctx, MetricsFormat.forAccept(request.headers().get(HttpHeaderNames.ACCEPT)));
            case "/health/live" -> answer(ctx, HttpResponseStatus.OK, "live\n");
            case "/health/ready" -> ready(ctx);
            default -> answer(ctx, HttpResponseStatus.NOT_FOUND, "no such path; request " + PATHS + "\n");
        }
    }

    private void ready(ChannelHandlerContext ctx) {
        Optional<String> why = readiness.notReadyBecause();
        if (why.isEmpty()) {
            answer(ctx, HttpResponseStatus.OK, "ready\n");
        } else {
            answer(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "not ready: " + why.get() + "\n");
        }
    }

    private void scrape(ChannelHandlerContext ctx, MetricsFormat format) {
        ByteBuf body = ctx.alloc().buffer(16 * 1024);
        try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
            metrics.scrape(out, format);
        } catch (IOException | RuntimeException e) {
            body.release();
            LOG.warn("metrics scrape failed: {}", e.toString());
            answer(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "the scrape failed; see the server's log\n");
            return;
        }
        answered = true;
        HttpResponses.send(ctx, HttpResponseStatus.OK, format.contentType(), body, null);
    }

    private void answer(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
        answered = true;
        HttpResponses.send(ctx, status, text);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and the like from whoever connected: nothing to say, nothing to keep.
        LOG.debug("metrics connection failed: {}", cause.toString());
        ctx.close();
    }
}
