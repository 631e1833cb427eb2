package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static dev.tlsquiz.codec.CodecChannels.channel;
import static dev.tlsquiz.codec.CodecChannels.encode;
import static dev.tlsquiz.codec.CodecChannels.frames;
import static dev.tlsquiz.codec.CodecChannels.inbound;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuizCodecRoundTripTest {

    static List<QuizMessage> messages() {
        return SampleMessages.all();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void roundTrip_whenEncodedBySenderAndDecodedByReceiver_thenEqual(QuizMessage message) {
        EmbeddedChannel sender = channel(SampleMessages.sender(message));
        EmbeddedChannel receiver = channel(SampleMessages.receiver(message));

        byte[] frame = encode(sender, message);
        receiver.writeInbound(Unpooled.wrappedBuffer(frame));

        assertEquals(QuizWire.encodedSize(message), frame.length);
        assertEquals(List.of(message), inbound(receiver));
        assertFalse(sender.finish());
        assertFalse(receiver.finish());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void encode_whenBufferHasExactlyEncodedSize_thenFillsItCompletely(QuizMessage message) {
        int size = QuizWire.encodedSize(message);
        ByteBuf exact = Unpooled.buffer(size, size);
        try {
            QuizWire.writeFrame(message, exact);

            assertEquals(0, exact.maxWritableBytes(), "bytes left unwritten");
            assertEquals(size - QuizWire.LENGTH_FIELD_BYTES, exact.getInt(0), "length prefix");
            assertEquals(message.type().code(), exact.getUnsignedByte(4), "type byte");
        } finally {
            exact.release();
        }
    }

    @ParameterizedTest
    @MethodSource("messages")
    void quizCodecEncode_whenCalled_thenReturnsTheFrameTheEncoderWrites(QuizMessage message) {
        EmbeddedChannel sender = channel(SampleMessages.sender(message));
        ByteBuf frame = QuizCodec.encode(ByteBufAllocator.DEFAULT, message);
        try {
            assertEquals(QuizWire.encodedSize(message), frame.capacity());
            assertArrayEquals(encode(sender, message), ByteBufUtil.getBytes(frame));
        } finally {
            frame.release();
        }
        assertFalse(sender.finish());
    }

    @Test
    void encode_whenHello_thenMatchesGoldenBytes() {
        byte[] expected = {
                0x00, 0x00, 0x00, 0x0A, // length: 10 = type byte + 9 payload bytes
                0x01,                   // type: HELLO
                0x00, 0x01,             // version: 1
                0x00, 0x03,             // playerName: 3 bytes follow
                'a', 'd', 'a',          // playerName: "ada"
                0x00, 0x05,             // requestedRounds: 5
        };
        EmbeddedChannel client = channel(Side.CLIENT);

        assertArrayEquals(expected, encode(client, new Hello(1, "ada", 5)));
        assertFalse(client.finish());
    }

    @Test
    void encode_whenVerdict_thenMatchesGoldenBytes() {
        byte[] expected = {
                0x00, 0x00, 0x00, 0x12,       // length: 18
                0x05,                         // type: VERDICT
                0x00, 0x00, 0x00, 0x07,       // problemId: 7
                0x01,                         // outcome: WRONG
                0x00, 0x02, '4', '2',         // expected: "42"
                0x00, 0x00, 0x00, 0x00,       // points: 0
                0x00, 0x00, 0x01, 0x2C,       // score: 300
        };
        EmbeddedChannel server = channel(Side.SERVER);

        assertArrayEquals(expected, encode(server, new Verdict(7, Outcome.WRONG, "42", 0, 300)));
        assertFalse(server.finish());
    }

    @Test
    void encode_whenStringIsNotAscii_thenLengthCountsUtf8Bytes() {
        Answer answer = new Answer(1, "é🦊"); // 2 + 4 UTF-8 bytes, 3 UTF-16 chars
        EmbeddedChannel client = channel(Side.CLIENT);

        byte[] frame = encode(client, answer);

        assertEquals(6, ((frame[9] & 0xFF) << 8) | (frame[10] & 0xFF));
        assertEquals("c3a9f09fa68a", ByteBufUtil.hexDump(frame, 11, 6));
        assertFalse(client.finish());
    }

    @Test
    void decode_whenStringsHaveMaximumLength_thenRoundTrip() {
        String cjk = "字".repeat(21_845);             // 65535 UTF-8 bytes, the u16 maximum
        String ascii = "x".repeat(0xFFFF);
        Problem problem = new Problem(9, 1, 1, 1000, cjk, List.of(ascii, cjk, ""));
        CodecLimits roomy = new CodecLimits(4 * 0x10000);
        EmbeddedChannel server = channel(Side.SERVER, roomy);
        EmbeddedChannel client = channel(Side.CLIENT, roomy);

        client.writeInbound(Unpooled.wrappedBuffer(encode(server, problem)));

        assertEquals(List.of(problem), inbound(client));
        assertFalse(server.finish());
        assertFalse(client.finish());
    }

    @Test
    void decode_whenFrameHasExactlyTheDefaultMaximum_thenAcceptsIt() {
        // length = type (1) + problemId (4) + text length (2) + text = 16384
        Answer largest = new Answer(3, "€".repeat(5459));   // 16377 bytes; € is 3 bytes
        assertEquals(16377, ByteBufUtil.utf8Bytes(largest.text()));
        EmbeddedChannel server = channel(Side.SERVER);
        byte[] frame = frames(List.of(largest));
        assertEquals(4 + CodecLimits.DEFAULT_MAX_FRAME_BYTES, frame.length);

        server.writeInbound(Unpooled.wrappedBuffer(frame));

        assertEquals(List.of(largest), inbound(server));
        assertFalse(server.finish());
    }

    @Test
    void decode_whenFrameIsOneByteOverTheDefaultMaximum_thenFrameTooLarge() {
        Answer tooLarge = new Answer(3, "x".repeat(16378));
        EmbeddedChannel server = channel(Side.SERVER);

        QuizProtocolException e = CodecChannels.decodeError(server, frames(List.of(tooLarge)));

        assertEquals(ErrorCode.FRAME_TOO_LARGE, e.errorCode());
        assertEquals("FRAME_TOO_LARGE: length: 16385 (expected: <= 16384)", e.getMessage());
        assertFalse(server.finish());
    }

    @Test
    void decode_whenDeliveredByteByByte_thenDecodesEveryFrame() {
        for (Side receiver : Side.values()) {
            List<QuizMessage> sent = messagesFor(receiver);
            EmbeddedChannel channel = channel(receiver);

            CodecChannels.writeInSlices(frames(sent), left -> 1, channel::writeInbound);

            assertEquals(sent, inbound(channel), "received by " + receiver);
            assertFalse(channel.finish());
        }
    }

    @Test
    void decode_whenDeliveredInRandomSplits_thenDecodesEveryFrame() {
        long seed = Long.getLong("tlsquiz.splits.seed", 20_261_124L);
        Random random = new Random(seed);
        for (int run = 0; run < 50; run++) {
            for (Side receiver : Side.values()) {
                List<QuizMessage> sent = messagesFor(receiver);
                EmbeddedChannel channel = channel(receiver);

                CodecChannels.writeInSlices(frames(sent), left -> 1 + random.nextInt(Math.min(left, 64)),
                        channel::writeInbound);

                assertEquals(sent, inbound(channel), "seed " + seed + ", run " + run);
                assertFalse(channel.finish());
            }
        }
    }

    @Test
    void decode_whenSeveralFramesInOneBuffer_thenDecodesAllInOrder() {
        List<QuizMessage> sent = messagesFor(Side.CLIENT);
        EmbeddedChannel client = channel(Side.CLIENT);

        client.writeInbound(Unpooled.wrappedBuffer(frames(sent)));

        assertEquals(sent, inbound(client));
        assertFalse(client.finish());
    }

    @Test
    void decode_whenFrameIsIncomplete_thenWaitsWithoutOutput() {
        byte[] frame = frames(List.of(new Ping(7)));
        EmbeddedChannel server = channel(Side.SERVER);

        server.writeInbound(Unpooled.wrappedBuffer(frame, 0, frame.length - 1));
        assertEquals(List.of(), inbound(server));
        server.writeInbound(Unpooled.wrappedBuffer(frame, frame.length - 1, 1));

        assertEquals(List.of(new Ping(7)), inbound(server));
        assertFalse(server.finish());
    }

    @Test
    void encode_whenStringHasUnpairedSurrogate_thenSendsQuestionMark() {
        Answer answer = new Answer(1, "a\uD800b");
        EmbeddedChannel client = channel(Side.CLIENT);
        EmbeddedChannel server = channel(Side.SERVER);

        server.writeInbound(Unpooled.wrappedBuffer(encode(client, answer)));

        assertEquals(List.of(new Answer(1, "a?b")), inbound(server));
        assertFalse(client.finish());
        assertFalse(server.finish());
    }

    @Test
    void install_whenCalled_thenAddsTheThreeHandlersInOrder() {
        EmbeddedChannel channel = channel(Side.SERVER);

        List<String> names = channel.pipeline().names().stream()
                .filter(name -> !name.startsWith("DefaultChannelPipeline$TailContext"))
                .collect(Collectors.toList());

        assertEquals(List.of(PipelineNames.FRAME_DECODER, PipelineNames.MESSAGE_DECODER,
                PipelineNames.MESSAGE_ENCODER), names);
        assertFalse(channel.finish());
    }

    @Test
    void frameDecoder_whenLimitsAreNull_thenRejected() {
        assertThrows(NullPointerException.class, () -> new QuizFrameDecoder(null));
        assertThrows(NullPointerException.class, () -> QuizMessageDecoder.forSide(null));
    }

    private static List<QuizMessage> messagesFor(Side receiver) {
        return SampleMessages.all().stream()
                .filter(message -> message.type().direction().allowsSender(receiver.peer()))
                .collect(Collectors.toList());
    }
}
