package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ch.qos.logback.classic.Level;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.QuizCodec;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.QuizMessageDecoder;
import dev.tlsquiz.codec.QuizFrameDecoder;
import dev.tlsquiz.codec.Side;
import dev.tlsquiz.server.quiz.Operation;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;

/**
 * Coverage-guided fuzzing (Jazzer) of the server's session behind its codec: the handlers of the
 * server pipeline after TLS (framing, messages, session) in an {@link EmbeddedChannel}, fed what
 * a client could send inside TLS, with the clock moved on so that every timer can fire.
 *
 * <p>Input layout:
 * <pre>
 * byte 0   the size of the slices the stream is written in (0 = all at once)
 * byte 1   how many times the clock jumps by the problem time limit after the stream (0..15,
 *          the low 4 bits), so that deadlines and timeouts fire too
 * rest     the byte stream from the client
 * </pre>
 *
 * <p>Whatever the input: nothing the server writes fails to decode on a client; only server
 * messages come out; an ERROR is the last message and the connection is closed after it; the
 * server never answers with INTERNAL_ERROR (that would be a bug of ours); no exception gets past
 * the session; every buffer is released.
 *
 * <p>{@code mvn -B verify} replays the committed corpus in {@code QuizSessionFuzzTestInputs/}; a
 * fuzzing session: {@code JAZZER_FUZZ=1 JAZZER_INSTRUMENT='dev.tlsquiz.**' mvn -B -pl quiz-server test
 * -Dtest=QuizSessionFuzzTest -Djazzer.hooks=true -Djazzer.max_duration=5m} (see SECURITY.md).
 */
class QuizSessionFuzzTest {

    private static final ServerConfig CONFIG = ServerConfig.builder()
            .listening(x -> x.withPort(0))
            .game(x -> x.withSeed(7).withOperations(EnumSet.allOf(Operation.class)).withRounds(3)
            .withTimeLimit(Duration.ofSeconds(5)))
            .timeouts(x -> x.withIdleTimeout(Duration.ofSeconds(30)))
            .build();

    @BeforeAll
    static void quietLogs() {
        // Every input ends a session, and each end is an INFO line: too many for a fuzzing run.
        if (LoggerFactory.getLogger("dev.tlsquiz") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void session_whenClientSendsAnyBytes_thenServerMessagesErrorOrCloseOnly(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int sliceBytes = input[0] & 0xFF;
        int clockJumps = input[1] & 0x0F;
        byte[] stream = Arrays.copyOfRange(input, 2, input.length);

        Tracking allocator = new Tracking();
        List<Throwable> escaped = new ArrayList<>();
        EmbeddedChannel server = new EmbeddedChannel();
        server.freezeTime();
        server.config().setAllocator(allocator);
        // The arithmetic the configuration describes, timed by the channel's frozen clock.
        SessionEnvironment env = QuizServer.builder(CONFIG).clock(() -> server.eventLoop().ticker().nanoTime())
                .environment(CONFIG.tls().clientAuth(), () -> false);
        QuizCodec.install(server.pipeline(), Side.SERVER, CONFIG.limits().codecLimits());
        server.pipeline().addLast(PipelineNames.SESSION, new QuizSession(env));
        server.pipeline().addLast(PipelineNames.EXCEPTIONS, new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                escaped.add(cause);
                ctx.close();
            }
        });
        server.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);

        int step = sliceBytes == 0 ? Math.max(1, stream.length) : sliceBytes;
        for (int offset = 0; offset < stream.length && server.isOpen(); offset += step) {
            int length = Math.min(step, stream.length - offset);
            server.writeInbound(allocator.heapBuffer(length).writeBytes(stream, offset, length));
        }
        for (int i = 0; i < clockJumps && server.isOpen(); i++) {
            server.advanceTimeBy(CONFIG.game().timeLimit().toMillis(), TimeUnit.MILLISECONDS);
            server.runPendingTasks();
        }
        List<QuizMessage> sent = decodeAsClient(server, allocator);
        server.finishAndReleaseAll();

        assertEquals(List.of(), escaped, "exceptions got past the session");
        for (int i = 0; i < sent.size(); i++) {
            QuizMessage message = sent.get(i);
            if (message instanceof ErrorMessage error) {
                assertNotEquals(ErrorCode.INTERNAL_ERROR.code(), error.code(), "the server failed: " + error);
                assertEquals(sent.size() - 1, i, "messages after an ERROR: " + sent);
                assertFalse(server.isOpen(), "still open after " + error);
            }
        }
        assertEquals(List.of(), allocator.unreleased(), "buffers not released");
    }

    /** Everything the server wrote, decoded by a client's decoders (which must accept all of it). */
    private static List<QuizMessage> decodeAsClient(EmbeddedChannel server, Tracking allocator) {
        EmbeddedChannel client = new EmbeddedChannel(new QuizFrameDecoder(CodecLimits.DEFAULT),
                QuizMessageDecoder.forSide(Side.CLIENT));
        client.config().setAllocator(allocator);
        for (Object written; (written = server.readOutbound()) != null; ) {
            client.writeInbound(assertInstanceOf(ByteBuf.class, written));
        }
        List<QuizMessage> messages = new ArrayList<>();
        for (Object message; (message = client.readInbound()) != null; ) {
            messages.add(assertInstanceOf(QuizMessage.class, message));
        }
        assertFalse(client.finish(), "the server wrote a partial frame");
        return messages;
    }

    /** Unpooled heap buffers, each remembered so that the test can check they were all released. */
    private static final class Tracking extends AbstractByteBufAllocator {
        private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false, true);
        private final List<ByteBuf> seen = new ArrayList<>();

        Tracking() {
            super(false);
        }

        List<ByteBuf> unreleased() {
            return seen.stream().filter(buffer -> buffer.refCnt() != 0).toList();
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            ByteBuf buffer = HEAP.heapBuffer(initialCapacity, maxCapacity);
            seen.add(buffer);
            return buffer;
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            return newHeapBuffer(initialCapacity, maxCapacity);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }
    }
}
