package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

class BenchExceptionHandlerTest {

    @Test
    void exceptionCaught_whenAHandlerAboveFails_thenCountedOnceAndClosed() {
        ErrorCounts errors = new ErrorCounts();
        ConnectionEnd end = new ConnectionEnd(errors);
        ChannelInboundHandlerAdapter failing = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                // Two failures of one connection, as a reset right after a decoding error gives.
                ctx.fireExceptionCaught(new IOException("boom"));
                ctx.fireExceptionCaught(new SSLException("and again"));
            }
        };
        EmbeddedChannel channel = new EmbeddedChannel(failing, new BenchExceptionHandler(end));

        channel.writeInbound("first");

        assertFalse(channel.isOpen());
        assertEquals(Map.of("io_error", 1L), errors.snapshot());
        assertFalse(channel.finish());
    }

    @Test
    void exceptionCaught_whenTheConnectionEndedAsItShould_thenNothingCounted() {
        ErrorCounts errors = new ErrorCounts();
        ConnectionEnd end = new ConnectionEnd(errors);
        end.finished();
        EmbeddedChannel channel = new EmbeddedChannel(new BenchExceptionHandler(end));

        channel.pipeline().fireExceptionCaught(new IOException("reset after the end"));

        assertFalse(channel.isOpen());
        assertEquals(Map.of(), errors.snapshot());
        assertFalse(channel.finish());
    }
}
