package dev.tlsquiz.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection: whatever exception got this far ends the connection.
 * Resets, broken pipes and TLS failures are what the internet sends all day, so they are logged
 * at DEBUG; anything else is a bug or a surprise worth a WARN. Either way the server goes on
 * serving everyone else.
 */
@Sharable
final class ServerExceptionHandler extends ChannelInboundHandlerAdapter {

    static final ServerExceptionHandler INSTANCE = new ServerExceptionHandler();

    private static final Logger LOG = LoggerFactory.getLogger(ServerExceptionHandler.class);

    private ServerExceptionHandler() {
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (isOrdinary(cause)) {
            LOG.debug("{}: connection failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("{}: unexpected error, closing the connection: {}", ctx.channel().remoteAddress(),
                    cause.toString());
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
