package dev.tlsquiz.codec;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static dev.tlsquiz.codec.CodecChannels.channel;
import static dev.tlsquiz.codec.CodecChannels.decodeError;
import static dev.tlsquiz.codec.CodecChannels.encode;
import static dev.tlsquiz.codec.CodecChannels.inbound;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What version 2 adds (PROBLEM's answer format, VERDICT's feedback), how version 1 carries the same
 * messages, and the hostile version 2 frames a client must refuse.
 */
class Version2CodecTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void problem_whenVersion1_thenFormatIsNotOnTheWireAndReadsAsWhatVersion1Says() {
        Problem integer = new Problem(1, 1, 5, 15_000, "17 + 25", AnswerFormat.INTEGER, List.of());
        Problem text = new Problem(1, 1, 5, 15_000, "17 + 25");

        assertArrayEquals(frame(text, 1), frame(integer, 1), "version 1 has no answerFormat byte");
        assertEquals(List.of(text), decode(Side.CLIENT, frame(integer, 1), 1));
        Problem choice = new Problem(2, 2, 5, 15_000, "6 × 7", AnswerFormat.ONE_CHOICE, List.of("36", "42"));
        assertEquals(List.of(choice), decode(Side.CLIENT, frame(choice, 1), 1));
    }

    @Test
    void problem_whenVersion2_thenOneByteMoreThanVersion1CarriesTheFormat() {
        for (AnswerFormat format : AnswerFormat.values()) {
            List<String> choices = format.hasChoices() ? List.of("a", "b") : List.of();
            Problem problem = new Problem(9, 1, 1, 1000, "q", format, choices);

            byte[] v2 = frame(problem, 2);
            byte[] v1 = format == AnswerFormat.SEVERAL_CHOICES ? null : frame(problem, 1);

            assertEquals(format.code(), v2[4 + 1 + 12 + 2 + 1] & 0xFF, format + ": the byte after the text");
            if (v1 != null) {
                assertEquals(v1.length + 1, v2.length, format.toString());
            }
            assertEquals(List.of(problem), decode(Side.CLIENT, v2, 2));
        }
    }

    @Test
    void problem_whenSeveralChoicesInVersion1_thenRefusedRatherThanAskedAsOneChoice() {
        Problem several = new Problem(6, 1, 1, 1000, "Which are primes?", AnswerFormat.SEVERAL_CHOICES,
                List.of("2", "4", "7"));
        EmbeddedChannel server = channel(Side.SERVER);
        NegotiatedVersion.set(server, 1);

        EncoderException e = assertThrows(EncoderException.class, () -> server.writeOutbound(several));

        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("protocol version 1"), e.getCause().getMessage());
        assertThrows(IllegalArgumentException.class, () -> QuizWire.encodedSize(several, 1));
        server.finishAndReleaseAll();
    }

    @Test
    void problem_whenFormatAndChoicesDisagree_thenRecordRefusesIt() {
        assertThrows(IllegalArgumentException.class,
                () -> new Problem(1, 1, 1, 1, "q", AnswerFormat.ONE_CHOICE, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Problem(1, 1, 1, 1, "q", AnswerFormat.INTEGER, List.of("1")));
    }

    @Test
    void problem_whenAnswerFormatUnknown_thenFieldOutOfRange() {
        // problemId 1, round 1, rounds 1, 1000 ms, text "q", answerFormat 5, no choices
        byte[] frame = HEX.parseHex("00000012" + "03" + "00000001" + "0001" + "0001" + "000003e8" + "000171" + "05" + "00");

        QuizProtocolException e = decodeError(version2(Side.CLIENT), frame);

        assertEquals(ErrorCode.FIELD_OUT_OF_RANGE, e.errorCode());
        assertTrue(e.getMessage().contains("answerFormat: 5"), e.getMessage());
    }

    @Test
    void problem_whenChoiceFormatWithoutChoices_thenFieldOutOfRange() {
        // answerFormat 2 ONE_CHOICE, choiceCount 0
        byte[] frame = HEX.parseHex("00000012" + "03" + "00000001" + "0001" + "0001" + "000003e8" + "000171" + "02" + "00");

        QuizProtocolException e = decodeError(version2(Side.CLIENT), frame);

        assertEquals(ErrorCode.FIELD_OUT_OF_RANGE, e.errorCode());
        assertTrue(e.getMessage().contains("PROBLEM.choiceCount: 0"), e.getMessage());
    }

    @Test
    void problem_whenFreeFormatWithChoices_thenFieldOutOfRangeBeforeReadingThem() {
        // answerFormat 0 INTEGER, choiceCount 255 and no choice bytes: refused on the count, not TRUNCATED
        byte[] frame = HEX.parseHex("00000012" + "03" + "00000001" + "0001" + "0001" + "000003e8" + "000171" + "00" + "ff");

        assertEquals(ErrorCode.FIELD_OUT_OF_RANGE, decodeError(version2(Side.CLIENT), frame).errorCode());
    }

    @Test
    void problem_whenVersion2FrameReadAsVersion1_thenTheFormatByteIsNotMistakenForChoices() {
        Problem problem = new Problem(1, 1, 1, 1000, "q", AnswerFormat.TEXT, List.of());

        // Read as version 1, the format byte (4) is a choiceCount and the frame falls short.
        assertEquals(ErrorCode.TRUNCATED, decodeError(channel(Side.CLIENT), frame(problem, 2)).errorCode());
    }

    @Test
    void verdict_whenVersion1_thenFeedbackIsDroppedAndVersion2CarriesIt() {
        Verdict withFeedback = new Verdict(3, Outcome.WRONG, "Paris", 0, 10, "Lyon is the third largest city");
        Verdict without = new Verdict(3, Outcome.WRONG, "Paris", 0, 10);

        assertArrayEquals(frame(without, 1), frame(withFeedback, 1));
        assertEquals(List.of(without), decode(Side.CLIENT, frame(withFeedback, 1), 1));
        assertEquals(frame(without, 1).length + 2 + 30, frame(withFeedback, 2).length);
        assertEquals(List.of(withFeedback), decode(Side.CLIENT, frame(withFeedback, 2), 2));
    }

    @Test
    void verdict_whenFeedbackTruncatedOrNotUtf8_thenTheMatchingError() {
        String verdict = "05" + "00000003" + "01" + "0000" + "00000000" + "0000000a";
        byte[] truncated = HEX.parseHex("00000014" + verdict + "0009" + "6f6b");
        byte[] overlong = HEX.parseHex("00000014" + verdict + "0002" + "c0af");

        assertEquals(ErrorCode.TRUNCATED, decodeError(version2(Side.CLIENT), truncated).errorCode());
        assertEquals(ErrorCode.INVALID_UTF8, decodeError(version2(Side.CLIENT), overlong).errorCode());
    }

    private static EmbeddedChannel version2(Side side) {
        EmbeddedChannel channel = channel(side);
        NegotiatedVersion.set(channel, Protocol.VERSION_2);
        return channel;
    }

    private static byte[] frame(QuizMessage message, int version) {
        EmbeddedChannel sender = channel(SampleMessages.sender(message));
        NegotiatedVersion.set(sender, version);
        byte[] bytes = encode(sender, message);
        assertEquals(QuizWire.encodedSize(message, version), bytes.length);
        assertFalse(sender.finish());
        return bytes;
    }

    private static List<QuizMessage> decode(Side receiver, byte[] frame, int version) {
        EmbeddedChannel channel = channel(receiver);
        NegotiatedVersion.set(channel, version);
        channel.writeInbound(ByteBufAllocator.DEFAULT.buffer().writeBytes(frame));
        List<QuizMessage> messages = inbound(channel);
        assertFalse(channel.finish());
        return messages;
    }
}
