package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.tlsquiz.codec.CodecChannels.channel;
import static dev.tlsquiz.codec.CodecChannels.encode;
import static dev.tlsquiz.codec.CodecChannels.inbound;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Each message type's own body codec, and the protocol version a channel speaks: the codecs are
 * bound one to one to the message records, and every message round-trips in every version this
 * build speaks, through the pipeline with the channel's version set and through the static
 * helpers with the version given.
 */
class VersionedCodecTest {

    static Stream<Arguments> messagesInEveryVersion() {
        return Protocol.SUPPORTED_VERSIONS.stream()
                .flatMap(version -> SampleMessages.inVersion(version).stream()
                        .map(message -> Arguments.of(version, message)));
    }

    @Test
    void messageType_whenEveryMessageRecord_thenExactlyOneTypeOwnsItsCodec() {
        List<Class<?>> records = Arrays.asList(QuizMessage.class.getPermittedSubclasses());
        for (Class<?> record : records) {
            long owners = Arrays.stream(MessageType.values())
                    .filter(type -> type.codec().messageClass() == record)
                    .count();
            assertEquals(1, owners, record.getSimpleName() + ": types whose codec reads and writes it");
        }
        assertEquals(records.size(), MessageType.values().length, "one record per message type");
    }

    @ParameterizedTest
    @MethodSource("dev.tlsquiz.codec.SampleMessages#all")
    void messageType_whenMessageNamesItsType_thenThatTypesCodecIsForItsRecord(QuizMessage message) {
        assertSame(message.getClass(), message.type().codec().messageClass());
    }

    @Test
    void negotiatedVersion_whenHandshakeHasNotSetIt_thenVersionOne() {
        EmbeddedChannel channel = new EmbeddedChannel();

        assertEquals(1, NegotiatedVersion.of(channel));
        assertEquals(Protocol.SUPPORTED_VERSIONS.get(0), NegotiatedVersion.DEFAULT, "the oldest version");
        assertFalse(channel.finish());
    }

    @Test
    void negotiatedVersion_whenSet_thenTheChannelSpeaksIt() {
        EmbeddedChannel channel = new EmbeddedChannel();

        NegotiatedVersion.set(channel, 0xFFFF);

        assertEquals(0xFFFF, NegotiatedVersion.of(channel));
        assertEquals(1, NegotiatedVersion.of(new EmbeddedChannel()), "another channel keeps the default");
        assertThrows(IllegalArgumentException.class, () -> NegotiatedVersion.set(channel, 0x1_0000));
        assertFalse(channel.finish());
    }

    @ParameterizedTest
    @MethodSource("messagesInEveryVersion")
    void roundTrip_whenBothChannelsSpeakTheVersion_thenEqualAndExactlyEncodedSize(int version, QuizMessage message) {
        EmbeddedChannel sender = channel(SampleMessages.sender(message));
        EmbeddedChannel receiver = channel(SampleMessages.receiver(message));
        NegotiatedVersion.set(sender, version);
        NegotiatedVersion.set(receiver, version);

        byte[] frame = encode(sender, message);
        receiver.writeInbound(ByteBufAllocator.DEFAULT.buffer().writeBytes(frame));

        assertEquals(QuizWire.encodedSize(message, version), frame.length);
        assertEquals(List.of(message), inbound(receiver));
        assertFalse(sender.finish());
        assertFalse(receiver.finish());
    }

    @ParameterizedTest
    @MethodSource("messagesInEveryVersion")
    void quizCodecEncode_whenVersionGiven_thenFillsExactlyTheEncodedSizeWithTheEncodersFrame(
            int version, QuizMessage message) {
        EmbeddedChannel sender = channel(SampleMessages.sender(message));
        NegotiatedVersion.set(sender, version);
        ByteBuf frame = QuizCodec.encode(ByteBufAllocator.DEFAULT, message, version);
        try {
            assertEquals(QuizWire.encodedSize(message, version), frame.capacity());
            assertEquals(0, frame.maxWritableBytes(), "bytes left unwritten");
            assertArrayEquals(encode(sender, message), ByteBufUtil.getBytes(frame));
        } finally {
            frame.release();
        }
        assertFalse(sender.finish());
    }
}
