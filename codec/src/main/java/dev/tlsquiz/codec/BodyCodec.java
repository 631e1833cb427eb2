package dev.tlsquiz.codec;

import java.util.Objects;

/**
 * Reads and writes the payload of one message type (the bytes after the type byte), for a given
 * protocol version. Every {@link MessageType} owns one, handed to its constructor, and a codec
 * cannot be built without both directions: a new type that is not encoded and decoded does not
 * compile.
 *
 * <p>The same {@link BodyWriter} drives both the bytes ({@link FieldWriter}) and their count
 * ({@link FieldCounter}), so a codec's {@link #encodedSize} cannot disagree with what it writes.
 *
 * @param <M> the record this codec reads and writes
 */
final class BodyCodec<M extends QuizMessage> {

    /** Reads one payload's fields in wire order, for the version the connection speaks. */
    @FunctionalInterface
    interface BodyReader<M> {
        M read(FieldReader in, int version);
    }

    /** Writes one message's fields in wire order, for the version the connection speaks. */
    @FunctionalInterface
    interface BodyWriter<M> {
        void write(M message, FieldSink out, int version);
    }

    private final Class<M> messageClass;
    private final BodyReader<M> reader;
    private final BodyWriter<M> writer;

    private BodyCodec(Class<M> messageClass, BodyReader<M> reader, BodyWriter<M> writer) {
        this.messageClass = Objects.requireNonNull(messageClass, "messageClass");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    static <M extends QuizMessage> BodyCodec<M> of(Class<M> messageClass, BodyReader<M> reader,
                                                   BodyWriter<M> writer) {
        return new BodyCodec<>(messageClass, reader, writer);
    }

    /** The record this codec reads and writes. */
    Class<M> messageClass() {
        return messageClass;
    }

    /**
     * Reads a whole payload, up to and including the check that no bytes are left over.
     *
     * @throws QuizProtocolException for a truncated payload, a malformed string, a field out of
     *                               range or trailing bytes
     */
    M read(FieldReader in, int version) {
        M message = reader.read(in, version);
        in.end();
        return message;
    }

    /**
     * Writes the payload of {@code message} (not the length or type byte).
     *
     * @throws ClassCastException when {@code message} is not of this codec's type (a message
     *                            whose {@code type()} names another type's code)
     */
    void write(QuizMessage message, FieldSink out, int version) {
        writer.write(messageClass.cast(message), out, version);
    }

    /** The bytes {@link #write} puts down for {@code message}: the payload only. */
    int encodedSize(QuizMessage message, int version) {
        FieldCounter counter = new FieldCounter();
        write(message, counter, version);
        return counter.bytes();
    }
}
