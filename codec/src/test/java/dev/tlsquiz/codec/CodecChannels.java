package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Embedded channels with the codec installed, and the small steps the codec tests repeat. */
final class CodecChannels {

    private CodecChannels() {
    }

    static EmbeddedChannel channel(Side localSide) {
        return channel(localSide, CodecLimits.DEFAULT);
    }

    static EmbeddedChannel channel(Side localSide, CodecLimits limits) {
        EmbeddedChannel channel = new EmbeddedChannel();
        QuizCodec.install(channel.pipeline(), localSide, limits);
        return channel;
    }

    /** Everything the channel decoded so far, in order. */
    static List<QuizMessage> inbound(EmbeddedChannel channel) {
        List<QuizMessage> messages = new ArrayList<>();
        for (Object message; (message = channel.readInbound()) != null; ) {
            messages.add(assertInstanceOf(QuizMessage.class, message));
        }
        return messages;
    }

    /** Writes the bytes inbound and returns the protocol error they must cause. */
    static QuizProtocolException decodeError(EmbeddedChannel channel, byte[] bytes) {
        return assertThrows(QuizProtocolException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(bytes)));
    }

    /** The frame the channel's encoder writes for {@code message}, as bytes. */
    static byte[] encode(EmbeddedChannel channel, QuizMessage message) {
        channel.writeOutbound(message);
        ByteBuf frame = channel.readOutbound();
        try {
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            return bytes;
        } finally {
            frame.release();
        }
    }

    /**
     * Concatenates the frames of {@code messages} as encoded by {@link QuizCodec#encode}, with
     * buffers outside the leak detector (this runs for every frame of the fuzz test), checking
     * that each is released.
     */
    static byte[] frames(List<? extends QuizMessage> messages) {
        return frames(messages, NegotiatedVersion.DEFAULT);
    }

    /** As {@link #frames(List)}, in protocol version {@code version}. */
    static byte[] frames(List<? extends QuizMessage> messages, int version) {
        CountingAllocator allocator = new CountingAllocator();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (QuizMessage message : messages) {
            ByteBuf frame = QuizCodec.encode(allocator, message, version);
            try {
                all.writeBytes(ByteBufUtil.getBytes(frame));
            } finally {
                frame.release();
            }
        }
        assertEquals(0, allocator.unreleased());
        return all.toByteArray();
    }

    /** Feeds {@code bytes} in consecutive slices whose lengths {@code nextLength} chooses. */
    static void writeInSlices(byte[] bytes, IntUnaryOperator nextLength,
                              Consumer<ByteBuf> write) {
        int offset = 0;
        while (offset < bytes.length) {
            int length = Math.min(bytes.length - offset, Math.max(1, nextLength.applyAsInt(bytes.length - offset)));
            write.accept(Unpooled.wrappedBuffer(bytes, offset, length));
            offset += length;
        }
    }
}
