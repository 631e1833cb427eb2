package dev.tlsquiz.codec;

import dev.tlsquiz.codec.testing.FrameBuilder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.tlsquiz.codec.CodecChannels.channel;
import static dev.tlsquiz.codec.CodecChannels.frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feeds the decoders tens of thousands of random and mutated frames and checks that they only
 * ever emit messages or throw {@link QuizProtocolException}, that untouched frames decode to
 * what was sent, and that every buffer involved is released. A failure names its seed; replay it with {@code -Dtlsquiz.fuzz.seed=<seed>}
 * (and {@code -Dtlsquiz.fuzz.frames=<n>} to change the amount).
 */
class QuizCodecFuzzTest {

    private static final long SEED = Long.getLong("tlsquiz.fuzz.seed", 0x7115_C0DECL);
    private static final int FRAMES = Integer.getInteger("tlsquiz.fuzz.frames", 50_000);
    private static final int FRAMES_PER_CHANNEL = 25;

    private final Random random = new Random(SEED);
    private final Set<ErrorCode> errorsSeen = EnumSet.noneOf(ErrorCode.class);
    private int messagesDecoded;

    @Test
    void decode_whenFedRandomAndMutatedFrames_thenOnlyMessagesOrProtocolErrors() {
        String replay = "seed " + SEED + " (replay with -Dtlsquiz.fuzz.seed=" + SEED + ")";
        for (int sent = 0, batch = 0; sent < FRAMES; sent += FRAMES_PER_CHANNEL, batch++) {
            Side receiver = random.nextBoolean() ? Side.SERVER : Side.CLIENT;
            boolean clean = random.nextInt(5) == 0;
            // Every version this build speaks, each with the fields it adds.
            int version = Protocol.SUPPORTED_VERSIONS.get(random.nextInt(Protocol.SUPPORTED_VERSIONS.size()));
            runBatch(receiver, clean, version, replay + ", batch " + batch + ", version " + version);
        }

        assertTrue(messagesDecoded > FRAMES / 4, "too few frames decoded, " + replay);
        Set<ErrorCode> expected = EnumSet.of(ErrorCode.FRAME_TOO_LARGE, ErrorCode.UNKNOWN_TYPE,
                ErrorCode.TRUNCATED, ErrorCode.INVALID_UTF8, ErrorCode.FIELD_OUT_OF_RANGE,
                ErrorCode.TRAILING_BYTES, ErrorCode.WRONG_DIRECTION, ErrorCode.INVALID_LENGTH);
        assertEquals(expected, errorsSeen, "the fuzzer no longer reaches every error, " + replay);
    }

    private void runBatch(Side receiver, boolean clean, int version, String where) {
        List<QuizMessage> sent = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < FRAMES_PER_CHANNEL; i++) {
            QuizMessage message = RandomMessages.message(random, receiver.peer(), version);
            byte[] frame = frames(List.of(message), version);
            if (clean) {
                sent.add(message);
            } else {
                frame = mutate(frame);
            }
            stream.writeBytes(frame);
        }
        EmbeddedChannel channel = channel(receiver);
        NegotiatedVersion.set(channel, version);
        CountingAllocator allocator = new CountingAllocator();
        channel.config().setAllocator(allocator);
        List<Throwable> errors = new ArrayList<>();
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                // Every exception, not only the first one EmbeddedChannel would rethrow.
                errors.add(cause);
            }
        });
        List<Object> received = new ArrayList<>();
        CodecChannels.writeInSlices(stream.toByteArray(), left -> 1 + random.nextInt(Math.min(left, 200)),
                slice -> {
                    channel.writeInbound(allocator.track(slice));
                    collect(channel, received);
                });
        assertFalse(channel.finish(), where);
        collect(channel, received);
        assertEquals(0, allocator.unreleased(), "unreleased buffers, " + where);
        for (Throwable error : errors) {
            if (!(error instanceof QuizProtocolException)) {
                fail("decoder threw " + error + ", " + where, error);
            }
            errorsSeen.add(((QuizProtocolException) error).errorCode());
        }
        for (Object message : received) {
            if (!(message instanceof QuizMessage)) {
                fail("decoded " + message.getClass().getName() + ", " + where);
            }
        }
        messagesDecoded += received.size();
        if (clean) {
            assertEquals(sent, received, "clean batch, " + where);
        }
    }

    private static void collect(EmbeddedChannel channel, List<Object> received) {
        for (Object message; (message = channel.readInbound()) != null; ) {
            received.add(message);
        }
    }

    /** One of several kinds of damage, or a frame of random bytes. */
    private byte[] mutate(byte[] frame) {
        switch (random.nextInt(10)) {
            case 0: // random bytes behind a plausible length
                return withLength(randomBytes(random.nextInt(40)), -1);
            case 1: // a random length
                return withLength(Arrays.copyOfRange(frame, 4, frame.length), random.nextInt(20) == 0
                        ? random.nextInt() & 0xFFFF_FFFFL : random.nextInt(frame.length + 8));
            case 2: // a random type byte
                frame[4] = (byte) random.nextInt(256);
                return frame;
            case 3: // payload cut short (length kept consistent)
                return withLength(Arrays.copyOfRange(frame, 4, 5 + random.nextInt(frame.length - 4)), -1);
            case 4: // bytes appended (length kept consistent)
                byte[] longer = Arrays.copyOfRange(frame, 4, frame.length + 1 + random.nextInt(4));
                return withLength(longer, -1);
            default: // a few flipped bits in the payload
                if (frame.length > 5) {
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        int index = 5 + random.nextInt(frame.length - 5);
                        frame[index] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                return frame;
        }
    }

    /** Prefixes {@code body} with {@code length}, or with its real length when negative. */
    private static byte[] withLength(byte[] body, long length) {
        return FrameBuilder.empty().bytes(body)
                .length(length < 0 ? body.length : length).toByteArray();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
