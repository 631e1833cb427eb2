package dev.tlsquiz.codec;

import dev.tlsquiz.codec.testing.FrameBuilder;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static dev.tlsquiz.codec.CodecChannels.channel;
import static dev.tlsquiz.codec.CodecChannels.decodeError;
import static dev.tlsquiz.codec.CodecChannels.frames;
import static dev.tlsquiz.codec.CodecChannels.inbound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuizCodecErrorTest {

    private final EmbeddedChannel server = channel(Side.SERVER);
    private final EmbeddedChannel client = channel(Side.CLIENT);

    @AfterEach
    void finishChannels() {
        // Tests finish the channel they used themselves; this covers the other one.
        assertFalse(server.finish());
        assertFalse(client.finish());
    }

    @Test
    void decode_whenFrameTooLarge_thenFailsFromHeaderBeforeBuffering() {
        assertRejected(server, new byte[] {0x00, 0x00, 0x40, 0x01}, // 16385, and nothing more
                ErrorCode.FRAME_TOO_LARGE, "FRAME_TOO_LARGE: length: 16385 (expected: <= 16384)");
    }

    @ParameterizedTest
    @ValueSource(longs = {0x8000_0000L, 0xFFFF_FFFFL, 0x7FFF_FFFFL, 0x0001_0000L})
    void decode_whenLengthIsNegativeAsIntOrHuge_thenFrameTooLarge(long length) {
        assertRejected(server, FrameBuilder.frame(MessageType.PING).u64(1).length(length).toByteArray(),
                ErrorCode.FRAME_TOO_LARGE, "FRAME_TOO_LARGE: length: " + length + " (expected: <= 16384)");
    }

    @Test
    void decode_whenLengthIsZero_thenInvalidLength() {
        assertRejected(server, new byte[] {0, 0, 0, 0},
                ErrorCode.INVALID_LENGTH, "INVALID_LENGTH: length: 0 (expected: >= 1)");
    }

    @Test
    void decode_whenLimitIsConfigured_thenUsesIt() {
        EmbeddedChannel strict = channel(Side.SERVER, new CodecLimits(8));
        strict.writeInbound(Unpooled.wrappedBuffer(frames(List.of(new Answer(1, "4")))));  // length 8
        assertEquals(List.of(new Answer(1, "4")), inbound(strict));

        QuizProtocolException e = decodeError(strict, frames(List.of(new Answer(1, "42"))));

        assertEquals("FRAME_TOO_LARGE: length: 9 (expected: <= 8)", e.getMessage());
        assertNoOutputAndFinish(strict);
    }

    @Test
    void decode_afterFramingError_thenDiscardsEverythingThatFollows() {
        byte[] valid = frames(List.of(new Ping(1)));
        decodeError(server, new byte[] {0x00, 0x01, 0x00, 0x00});

        server.writeInbound(Unpooled.wrappedBuffer(valid));
        server.writeInbound(Unpooled.wrappedBuffer(valid));

        assertNoOutputAndFinish(server);
    }

    @Test
    void decode_whenFieldMissing_thenTruncated() {
        assertRejected(server, FrameBuilder.frame(MessageType.ANSWER).u16(0).toByteArray(),
                ErrorCode.TRUNCATED, "TRUNCATED: ANSWER.problemId: 2 bytes left (expected: >= 4)");
    }

    @Test
    void decode_whenStringRunsPastFrame_thenTruncated() {
        assertRejected(server, FrameBuilder.frame(MessageType.HELLO).u16(1).u16(10).bytes('a', 'd', 'a').toByteArray(),
                ErrorCode.TRUNCATED, "TRUNCATED: HELLO.playerName: 3 bytes left (expected: >= 10)");
    }

    @Test
    void decode_whenChoiceMissing_thenTruncated() {
        assertRejected(client, FrameBuilder.frame(MessageType.PROBLEM)
                .u32(1).u16(1).u16(1).u32(1000).string("?").u8(2).string("a").toByteArray(),
                ErrorCode.TRUNCATED, "TRUNCATED: PROBLEM.choices[1].length: 0 bytes left (expected: >= 2)");
    }

    @Test
    void decode_whenEveryPrefixOfEveryFrameIsAFrame_thenTruncatedOrNothing() {
        for (QuizMessage message : SampleMessages.all()) {
            byte[] frame = frames(List.of(message));
            EmbeddedChannel receiver = channel(SampleMessages.receiver(message));
            for (int payload = 0; payload < frame.length - 5; payload++) {
                byte[] cut = FrameBuilder.empty().bytes(Arrays.copyOfRange(frame, 4, 5 + payload))
                        .toByteArray();

                QuizProtocolException e = decodeError(receiver, cut);

                assertEquals(ErrorCode.TRUNCATED, e.errorCode(), message + " cut to " + payload);
            }
            assertNoOutputAndFinish(receiver);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x15, 0x7F, 0x80, 0xFF})
    void decode_whenTypeUnknown_thenUnknownType(int type) {
        assertRejected(server, FrameBuilder.frame(type).u64(0).toByteArray(), ErrorCode.UNKNOWN_TYPE,
                String.format("UNKNOWN_TYPE: type: 0x%02x (expected: one of %s)", type,
                        Arrays.toString(MessageType.values())));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "80",          // a continuation byte with no lead byte
            "c0af",        // overlong '/', two bytes
            "e080af",      // overlong '/', three bytes
            "f08282ac",    // overlong '€', four bytes
            "eda080",      // U+D800, a surrogate encoded on its own
            "edbfbf",      // U+DFFF
            "f4908080",    // U+110000, above the last code point
            "f5808080",    // a lead byte that never occurs
            "ff",          // not a UTF-8 byte at all
            "61e282",      // '€' cut after two of its three bytes
            "c3",          // a lead byte at the end of the string
            "e228a1",      // a lead byte followed by a non-continuation byte
    })
    void decode_whenStringIsNotUtf8_thenInvalidUtf8(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        QuizProtocolException e = decodeError(server,
                FrameBuilder.frame(MessageType.HELLO).u16(1).utf8(bytes).u16(0).toByteArray());

        assertEquals(ErrorCode.INVALID_UTF8, e.errorCode(), e.getMessage());
        assertNoOutputAndFinish(server);
    }

    @Test
    void decode_whenBytesFollowLastField_thenTrailingBytes() {
        assertRejected(server, FrameBuilder.frame(MessageType.PING).u64(1).u8(0).toByteArray(),
                ErrorCode.TRAILING_BYTES, "TRAILING_BYTES: PING: 1 bytes after the last field (expected: 0)");
    }

    @Test
    void decode_whenByteHasPayload_thenTrailingBytes() {
        assertRejected(server, FrameBuilder.frame(MessageType.BYE).u16(0).toByteArray(),
                ErrorCode.TRAILING_BYTES, "TRAILING_BYTES: BYE: 2 bytes after the last field (expected: 0)");
    }

    @Test
    void decode_whenServerReceivesServerMessage_thenWrongDirection() {
        assertRejected(server, frames(List.of(new Welcome(1, 1, 1, 1, "ada", "evil"))),
                ErrorCode.WRONG_DIRECTION,
                "WRONG_DIRECTION: type: WELCOME sent by the client (expected: SERVER_TO_CLIENT)");
    }

    @Test
    void decode_whenClientReceivesClientMessage_thenWrongDirection() {
        for (QuizMessage message : List.of(Hello.of("ada"), new Answer(1, "2"), new Bye())) {
            QuizProtocolException e = decodeError(client, frames(List.of(message)));

            assertEquals(ErrorCode.WRONG_DIRECTION, e.errorCode(), message.toString());
        }
        assertNoOutputAndFinish(client);
    }

    @Test
    void decode_whenOutcomeUnknown_thenFieldOutOfRange() {
        assertRejected(client, FrameBuilder.frame(MessageType.VERDICT)
                .u32(1).u8(3).string("42").u32(0).u32(0).toByteArray(),
                ErrorCode.FIELD_OUT_OF_RANGE, "FIELD_OUT_OF_RANGE: outcome: 3 (expected: 0, 1 or 2)");
    }

    @Test
    void decode_whenDurationHasTopBitSet_thenFieldOutOfRange() {
        assertRejected(client, FrameBuilder.frame(MessageType.SUMMARY)
                .u16(1).u16(1).u16(1).u32(10).u64(0x8000_0000_0000_0000L).toByteArray(),
                ErrorCode.FIELD_OUT_OF_RANGE, "FIELD_OUT_OF_RANGE: SUMMARY.durationMillis: 9223372036854775808 "
                + "(expected: <= 9223372036854775807)");
    }

    @Test
    void decode_afterBodyError_thenNextFrameInSameBufferDecodes() {
        byte[] bad = FrameBuilder.frame(MessageType.PING).u32(1).toByteArray();
        byte[] good = frames(List.of(new Ping(2)));
        byte[] both = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, both, 0, bad.length);
        System.arraycopy(good, 0, both, bad.length, good.length);

        QuizProtocolException e = decodeError(server, both);

        assertEquals(ErrorCode.TRUNCATED, e.errorCode());
        assertEquals(List.of(new Ping(2)), inbound(server));
        assertFalse(server.finish());
    }

    @Test
    void decode_afterBodyError_thenLaterFramesDecode() {
        decodeError(server, FrameBuilder.frame(0x42).toByteArray());
        decodeError(server, frames(List.of(new Verdict(1, Outcome.CORRECT, "1", 1, 1))));

        server.writeInbound(Unpooled.wrappedBuffer(frames(List.of(new Answer(1, "1"), new Bye()))));

        assertEquals(List.of(new Answer(1, "1"), new Bye()), inbound(server));
        assertFalse(server.finish());
    }

    @Test
    void messageDecoder_whenFrameIsEmpty_thenTruncated() {
        EmbeddedChannel decoderOnly = new EmbeddedChannel(QuizMessageDecoder.forSide(Side.SERVER));

        QuizProtocolException e = assertThrows(QuizProtocolException.class,
                () -> decoderOnly.writeInbound(Unpooled.EMPTY_BUFFER));

        assertEquals(ErrorCode.TRUNCATED, e.errorCode());
        assertFalse(decoderOnly.finish());
    }

    @Test
    void toErrorMessage_whenDecodeFails_thenCarriesCodeAndText() {
        QuizProtocolException e = decodeError(server, new byte[] {0, 0, 0, 0});

        assertEquals(new ErrorMessage(ErrorCode.INVALID_LENGTH, "INVALID_LENGTH: length: 0 (expected: >= 1)"),
                e.toErrorMessage());
        assertNoOutputAndFinish(server);
    }

    /** Writes {@code frame} inbound and expects exactly this error, and nothing decoded. */
    private void assertRejected(EmbeddedChannel channel, byte[] frame, ErrorCode code, String message) {
        QuizProtocolException e = decodeError(channel, frame);

        assertEquals(code, e.errorCode());
        assertEquals(message, e.getMessage());
        assertNoOutputAndFinish(channel);
    }

    private void assertNoOutputAndFinish(EmbeddedChannel channel) {
        assertEquals(List.of(), inbound(channel));
        assertFalse(channel.finish());
    }
}
