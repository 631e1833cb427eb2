package dev.tlsquiz.codec.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.QuizProtocolException;
import dev.tlsquiz.codec.Side;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Coverage-guided fuzzing (Jazzer) of the frame decoder and the message decoder together, in an
 * {@link EmbeddedChannel} as a server or client pipeline has them.
 *
 * <p>Input layout, so that seeds are easy to write by hand:
 * <pre>
 * byte 0   bit 0: the receiving side (0 = server, 1 = client); bits 1-7: the size of the slices
 *          the stream is written in (0 = all at once)
 * byte 1   the maximum frame size (0 = the default 16384; otherwise this many bytes)
 * rest     the byte stream, as it would arrive inside TLS
 * </pre>
 *
 * <p>The oracle parses the frames itself and checks the decoders event by event: every complete
 * frame yields exactly one message or one payload error, in order; a decoded message encodes back
 * to exactly the bytes of its frame (the decoder accepts only the canonical form); a bad length
 * yields one framing error and nothing after it; no other exception ever leaves a handler; and
 * every buffer is released.
 *
 * <p>{@code mvn -B verify} replays the committed corpus in {@code QuizDecoderFuzzTestInputs/}. A
 * fuzzing session (see SECURITY.md):
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_INSTRUMENT='dev.tlsquiz.**' mvn -B -pl codec test -Dtest=QuizDecoderFuzzTest \
 *     -Djazzer.hooks=true -Djazzer.max_duration=5m
 * </pre>
 */
class QuizDecoderFuzzTest {

    private static final Set<ErrorCode> FRAMING_ERRORS = EnumSet.of(ErrorCode.FRAME_TOO_LARGE, ErrorCode.INVALID_LENGTH);

    @FuzzTest(maxDuration = "5m")
    void decode_whenAnyBytes_thenMessagesOrProtocolErrorsAndNoLeak(byte[] input) {
        if (input.length < 2) {
            return;
        }
        Side local = (input[0] & 1) == 0 ? Side.SERVER : Side.CLIENT;
        int sliceBytes = (input[0] & 0xFF) >>> 1;
        CodecLimits limits = input[1] == 0 ? CodecLimits.DEFAULT : new CodecLimits(input[1] & 0xFF);
        byte[] stream = Arrays.copyOfRange(input, 2, input.length);

        TrackingAllocator allocator = new TrackingAllocator();
        List<Object> events = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(allocator);
        QuizCodec.install(channel.pipeline(), local, limits);
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                events.add(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                events.add(cause);
            }
        });
        int step = sliceBytes == 0 ? Math.max(1, stream.length) : sliceBytes;
        for (int offset = 0; offset < stream.length; offset += step) {
            int length = Math.min(step, stream.length - offset);
            channel.writeInbound(allocator.heapBuffer(length).writeBytes(stream, offset, length));
        }
        channel.finishAndReleaseAll();

        checkEvents(stream, limits, events, allocator);
        assertEquals(List.of(), allocator.unreleased(), "buffers not released");
    }

    /** Walks the frames of {@code stream} as the wire format says and matches each to its event. */
    private static void checkEvents(byte[] stream, CodecLimits limits, List<Object> events,
                                    TrackingAllocator allocator) {
        int offset = 0;
        int event = 0;
        while (stream.length - offset >= 4) {
            long length = Integer.toUnsignedLong((stream[offset] & 0xFF) << 24 | (stream[offset + 1] & 0xFF) << 16
                    | (stream[offset + 2] & 0xFF) << 8 | stream[offset + 3] & 0xFF);
            if (length == 0 || length > limits.maxFrameBytes()) {
                ErrorCode expected = length == 0 ? ErrorCode.INVALID_LENGTH : ErrorCode.FRAME_TOO_LARGE;
                assertTrue(event < events.size(), "no error for a frame of length " + length);
                QuizProtocolException error = assertInstanceOf(QuizProtocolException.class, events.get(event));
                assertEquals(expected, error.errorCode());
                event++;
                // The stream cannot be resynchronised: nothing may follow.
                break;
            }
            if (stream.length - offset - 4 < length) {
                break;
            }
            byte[] frame = Arrays.copyOfRange(stream, offset, offset + 4 + (int) length);
            assertTrue(event < events.size(), "no event for the frame at offset " + offset);
            Object outcome = events.get(event++);
            if (outcome instanceof QuizMessage message) {
                ByteBuf encoded = QuizCodec.encode(allocator, message);
                try {
                    assertArrayEquals(frame, ByteBufUtil.getBytes(encoded), "re-encoding " + message);
                } finally {
                    encoded.release();
                }
            } else {
                QuizProtocolException error = assertInstanceOf(QuizProtocolException.class, outcome,
                        "only protocol errors may leave the decoders");
                assertTrue(!FRAMING_ERRORS.contains(error.errorCode()), "a framing error for a good length: " + error);
            }
            offset += frame.length;
        }
        assertEquals(event, events.size(), "events beyond the frames: " + events.subList(Math.min(event, events.size()),
                events.size()));
    }
}
