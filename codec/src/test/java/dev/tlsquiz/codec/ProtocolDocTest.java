package dev.tlsquiz.codec;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tlsquiz.codec.CodecChannels.channel;
import static dev.tlsquiz.codec.CodecChannels.decodeError;
import static dev.tlsquiz.codec.CodecChannels.encode;
import static dev.tlsquiz.codec.CodecChannels.inbound;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps {@code PROTOCOL.md} honest: every hex block in it is decoded by the codec and compared
 * with the message named in the HTML comment above it, then re-encoded and compared byte for byte;
 * every malformed example must fail with the error code its comment names.
 *
 * <p>The format, in the document: {@code <!-- frame: Hello[version=1, ...] -->} (the record's
 * {@code toString()}) or {@code <!-- error: TRUNCATED -->} (a frame arriving at a server), then a
 * fenced block tagged {@code hex}: hex byte pairs, with everything after {@code #} on a line a
 * comment. {@code <!-- frame v2: ... -->} is a frame of a connection that speaks version 2; the
 * others are version 1.
 */
class ProtocolDocTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!--\\s*(frame|error)(?: v(\\d+))?:\\s*(.*?)\\s*-->\\s*```hex\\n(.*?)```", Pattern.DOTALL);

    private record Example(String kind, int version, String expected, byte[] bytes) {
    }

    @Test
    void frameExamples_whenDecoded_thenMatchTheirCommentAndReencodeToTheSameBytes() throws IOException {
        List<Example> frames = examples("frame");
        Set<MessageType> covered = EnumSet.noneOf(MessageType.class);
        Set<Integer> versions = new TreeSet<>();

        for (Example example : frames) {
            MessageType type = MessageType.fromCode(example.bytes()[4] & 0xFF);
            Side receiver = type.direction().allowsSender(Side.CLIENT) ? Side.SERVER : Side.CLIENT;
            EmbeddedChannel decoder = channel(receiver);
            EmbeddedChannel encoder = channel(receiver.peer());
            NegotiatedVersion.set(decoder, example.version());
            NegotiatedVersion.set(encoder, example.version());

            decoder.writeInbound(Unpooled.wrappedBuffer(example.bytes()));
            List<QuizMessage> decoded = inbound(decoder);

            assertEquals(1, decoded.size(), example.expected());
            assertEquals(example.expected(), decoded.get(0).toString());
            assertArrayEquals(example.bytes(), encode(encoder, decoded.get(0)), example.expected());
            covered.add(type);
            versions.add(example.version());
            assertFalse(decoder.finish());
            assertFalse(encoder.finish());
        }

        assertTrue(frames.size() >= MessageType.values().length, "fewer examples than message types");
        assertEquals(EnumSet.allOf(MessageType.class), covered, "message types without an example");
        assertEquals(Set.copyOf(Protocol.SUPPORTED_VERSIONS), versions, "versions without an example");
    }

    @Test
    void errorExamples_whenDecodedByServer_thenFailWithTheirCode() throws IOException {
        List<Example> errors = examples("error");

        for (Example example : errors) {
            EmbeddedChannel server = channel(Side.SERVER);

            QuizProtocolException e = decodeError(server, example.bytes());

            assertEquals(ErrorCode.valueOf(example.expected()), e.errorCode(), e.getMessage());
            assertEquals(List.of(), inbound(server));
            assertFalse(server.finish());
        }
        assertTrue(errors.size() >= 4, "malformed examples are missing");
    }

    private static List<Example> examples(String kind) throws IOException {
        String document = Files.readString(protocolDocument(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<Example> examples = new ArrayList<>();
        Matcher matcher = EXAMPLE.matcher(document);
        while (matcher.find()) {
            if (matcher.group(1).equals(kind)) {
                int version = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
                examples.add(new Example(kind, version, matcher.group(3), hex(matcher.group(4))));
            }
        }
        return examples;
    }

    private static byte[] hex(String block) {
        StringBuilder digits = new StringBuilder();
        for (String line : block.split("\n")) {
            int comment = line.indexOf('#');
            digits.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    /** PROTOCOL.md at the repository root: the module's parent, wherever the build runs from. */
    private static Path protocolDocument() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("PROTOCOL.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return fail("PROTOCOL.md not found in " + Path.of("").toAbsolutePath() + " or any parent");
    }
}
