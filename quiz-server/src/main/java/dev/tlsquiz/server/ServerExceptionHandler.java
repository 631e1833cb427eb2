package dev.tlsquiz.server;

import dev.tlsquiz.server.services.Resumption;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.text.LogText;
import dev.tlsquiz.tls.ServerHandshakeFailure;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.IOException;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection: whatever exception got this far ends the connection.
 * Resets, broken pipes and TLS failures are what the internet sends all day, so they are logged
 * at DEBUG; anything else is a bug or a surprise worth a WARN. Either way the server goes on
 * serving everyone else.
 *
 * <p>It also logs every failed TLS handshake, through the server's {@link HandshakeFailureLog}: one
 * line per kind per 10 s at most, in plain words, without the peer's bytes. No line it writes carries
 * a hex dump or an unescaped string from the peer.
 */
@Sharable
final class ServerExceptionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ServerExceptionHandler.class);

    private final HandshakeFailureLog handshakeFailures;
    private final ServerMetrics metrics;

    /** @param handshakeFailures the server's log of failed handshakes, shared by every connection */
    ServerExceptionHandler(HandshakeFailureLog handshakeFailures) {
        this(handshakeFailures, ServerMetrics.none());
    }

    /**
     * @param handshakeFailures the server's log of failed handshakes, shared by every connection
     * @param metrics           told of every handshake, completed or failed (by the log's reason)
     */
    ServerExceptionHandler(HandshakeFailureLog handshakeFailures, ServerMetrics metrics) {
        this.handshakeFailures = Objects.requireNonNull(handshakeFailures, "handshakeFailures");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                metrics.handshakeCompleted(ssl == null ? Resumption.UNKNOWN
                        : HandshakeResumption.of(ssl.engine()));
            } else {
                metrics.handshakeFailed(handshakeFailures.failed(ctx.channel().remoteAddress(), handshake.cause()).kind());
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (isOrdinary(cause)) {
            // Described, not printed: Netty's message for a non-TLS record is a hex dump of the peer's bytes.
            LOG.debug("{}: connection failed: {}", ctx.channel().remoteAddress(),
                    ServerHandshakeFailure.classify(cause).description());
        } else {
            LOG.warn("{}: unexpected error, closing the connection: {}", ctx.channel().remoteAddress(),
                    LogText.value(cause.toString()));
            LOG.debug("{}: stack trace of the unexpected error", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    /** I/O errors and TLS failures anywhere in the cause chain (decoders wrap them). */
    static boolean isOrdinary(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }
}
