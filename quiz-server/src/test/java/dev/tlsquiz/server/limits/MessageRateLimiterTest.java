package dev.tlsquiz.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.QuizProtocolException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MessageRateLimiterTest {

    private final List<Object> passed = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    private EmbeddedChannel channel(int rate) {
        EmbeddedChannel channel = new EmbeddedChannel(new MessageRateLimiter(rate), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                passed.add(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors.add(cause);
            }
        });
        channel.freezeTime();
        return channel;
    }

    @Test
    void channelRead_whenBurstOfTwiceTheRate_thenEveryMessagePasses() {
        EmbeddedChannel channel = channel(10);
        for (int i = 0; i < 20; i++) {
            channel.writeInbound(new Ping(i));
        }
        assertEquals(20, passed.size());
        assertEquals(List.of(), errors);
        assertFalse(channel.finish());
    }

    @Test
    void channelRead_whenOverTheRate_thenOneRateLimitedErrorAndTheRestDropped() {
        EmbeddedChannel channel = channel(10);
        for (int i = 0; i < 25; i++) {
            channel.writeInbound(new Ping(i));
        }
        assertEquals(20, passed.size());
        assertEquals(1, errors.size());
        QuizProtocolException error = assertInstanceOf(QuizProtocolException.class, errors.get(0));
        assertEquals(ErrorCode.RATE_LIMITED, error.errorCode());
        // Even once tokens flow back in, the connection stays cut off: the session is ending.
        channel.advanceTimeBy(10, TimeUnit.SECONDS);
        channel.writeInbound(new Ping(99));
        assertEquals(20, passed.size());
        assertFalse(channel.finish());
    }

    @Test
    void channelRead_whenSteadyAtTheRate_thenNeverLimited() {
        EmbeddedChannel channel = channel(10);
        for (int i = 0; i < 200; i++) {
            channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
            channel.writeInbound(new Ping(i));
        }
        assertEquals(200, passed.size());
        assertEquals(List.of(), errors);
        assertFalse(channel.finish());
    }
}
