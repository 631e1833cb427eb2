package dev.tlsquiz.tls;

import static dev.tlsquiz.tls.TlsTestSupport.ALPN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.ClientHellos;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The ClientHello guard in front of the server's SslHandler: reassembly of a ClientHello however it
 * is cut and trickled, the bounds on what it holds (wire bytes, records), the ALPN refusal, and bytes
 * that are not TLS, on its own in an {@link EmbeddedChannel}: what comes out behind it is exactly what
 * the engine would get. {@link AlpnGuardSslHandlerTest} has it in front of the real engines.
 */
class ClientHelloGuardTest {

    @Test
    void decode_whenHelloInOneRecordOffersTlsquiz_thenPassedOnUnchangedAndTheGuardLeaves() {
        assertPassedUnchanged(ClientHellos.records(ClientHellos.message("h2", ALPN_ID), 16384), 16384);
    }

    @Test
    void decode_whenHelloOffersNoAlpn_thenPassedOnUnchanged() {
        assertPassedUnchanged(ClientHellos.records(ClientHellos.message(), 16384), 16384);
    }

    @Test
    void decode_whenHelloOffersOnlyOtherProtocols_thenNoApplicationProtocolAlertAndClose() {
        ByteBuf wire = ClientHellos.records(ClientHellos.message("h2", "http/1.1"), 16384);
        assertRefused(wire, wire.readableBytes(), EmbeddedTls.NO_APPLICATION_PROTOCOL);
    }

    @Test
    void decode_whenHelloCutInto1ByteRecordsAndTrickledByteByByte_thenPassedOnUnchangedAtItsLastByte() {
        // 45 bytes of hello, 45 records of 6 wire bytes: within the record bound.
        ByteBuf wire = ClientHellos.records(ClientHellos.minimal(), 1);
        EmbeddedChannel channel = new EmbeddedChannel(new ClientHelloGuard(ALPN_ID));
        for (int i = 0; i < wire.readableBytes() - 1; i++) {
            assertFalse(channel.writeInbound(wire.retainedSlice(i, 1)), "passed on before byte " + (i + 1));
        }
        assertTrue(channel.writeInbound(wire.retainedSlice(wire.readableBytes() - 1, 1)));
        assertEquals(ByteBufUtil.hexDump(wire), passedHex(channel));
        assertNull(channel.pipeline().get(ClientHelloGuard.class), "the guard left the pipeline");
        assertNull(channel.readOutbound());
        assertFalse(channel.finish());
        wire.release();
    }

    @Test
    void decode_whenHelloCutIntoTheMostRecordsAndWireBytesAllowed_thenPassedOnUnchanged() {
        // 64 records of 251 bytes: 16064 bytes of hello, exactly MAX_WIRE_BYTES (16384) on the wire.
        int hello = ClientHelloGuard.MAX_WIRE_BYTES - ClientHelloGuard.MAX_RECORDS * ClientHellos.RECORD_HEADER_BYTES;
        ByteBuf wire = ClientHellos.records(ClientHellos.padded(hello - ClientHellos.HANDSHAKE_HEADER_BYTES),
                hello / ClientHelloGuard.MAX_RECORDS);
        assertEquals(ClientHelloGuard.MAX_WIRE_BYTES, wire.readableBytes());
        assertPassedUnchanged(wire, 1000);
    }

    @Test
    void decode_whenHelloCutIntoMoreRecordsThanAllowed_thenRefusedAtTheFirstRecordOverTheBound() {
        ByteBuf wire = ClientHellos.records(ClientHellos.message(ALPN_ID), 1);
        // Record 65 is refused as soon as its header is complete, not when the hello is.
        int refusedAt = ClientHelloGuard.MAX_RECORDS * 6 + 5;
        assertTrue(wire.readableBytes() > refusedAt);
        assertRefused(wire, refusedAt, EmbeddedTls.DECODE_ERROR);
    }

    @Test
    void decode_whenMoreWireBytesThanAllowedBeforeTheHelloIsComplete_thenRefused() {
        // A 17000-byte hello in two records: few records, but more bytes than one maximal hello.
        ByteBuf wire = ClientHellos.records(ClientHellos.padded(17_000), 16384);
        int piece = 1000;
        int refusedAt = (ClientHelloGuard.MAX_WIRE_BYTES / piece + 1) * piece;
        assertRefused(wire, piece, refusedAt, EmbeddedTls.DECODE_ERROR);
    }

    @Test
    void decode_whenOneRecordDeclaresMoreThanAllowed_thenRefusedOnceTheBoundIsPassed() {
        // One record header promising 65535 bytes, then bytes that never complete it.
        ByteBuf wire = Unpooled.buffer().writeByte(22).writeShort(0x0301).writeShort(0xFFFF).writeZero(20_000);
        int piece = 1000;
        int refusedAt = (ClientHelloGuard.MAX_WIRE_BYTES / piece + 1) * piece;
        assertRefused(wire, piece, refusedAt, EmbeddedTls.DECODE_ERROR);
    }

    @Test
    void decode_whenAnEmptyHandshakeRecordComes_thenRefused() {
        ByteBuf wire = Unpooled.buffer().writeByte(22).writeShort(0x0301).writeShort(0);
        wire.writeBytes(ClientHellos.records(ClientHellos.message(ALPN_ID), 16384));
        assertRefused(wire, 5, EmbeddedTls.DECODE_ERROR);
    }

    @Test
    void decode_whenHelloIsMalformed_thenDecodeErrorAlert() {
        ByteBuf message = ClientHellos.message("http/1.1");
        message.setByte(message.writerIndex() - "http/1.1".length() - 1, 200);
        ByteBuf wire = ClientHellos.records(message, 16384);
        assertRefused(wire, wire.readableBytes(), EmbeddedTls.DECODE_ERROR);
    }

    @Test
    void decode_whenFirstBytesAreNotTls_thenPassedOnForTheEngineToReject() {
        ByteBuf http = Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: quiz\r\n\r\n", StandardCharsets.US_ASCII);
        assertPassedUnchanged(http, 3);
    }

    @Test
    void decode_whenMoreRecordsFollowTheHelloInTheSameRead_thenAllPassedOn() {
        ByteBuf wire = ClientHellos.records(ClientHellos.message(ALPN_ID), 16384);
        // change_cipher_spec, as a TLS 1.3 client in middlebox compatibility mode sends right after its hello.
        wire.writeByte(20).writeShort(0x0303).writeShort(1).writeByte(1);
        assertPassedUnchanged(wire, wire.readableBytes());
    }

    // ---- helpers ----

    /** Feeds {@code wire} to a lone guard in pieces; everything comes out behind it, byte for byte. */
    private static void assertPassedUnchanged(ByteBuf wire, int piece) {
        EmbeddedChannel channel = new EmbeddedChannel(new ClientHelloGuard(ALPN_ID));
        assertEquals(wire.readableBytes(), EmbeddedTls.write(channel, wire, piece));
        assertEquals(ByteBufUtil.hexDump(wire), passedHex(channel));
        assertNull(channel.pipeline().get(ClientHelloGuard.class), "the guard left the pipeline");
        assertNull(channel.readOutbound(), "nothing written to the client");
        assertTrue(channel.isOpen());
        assertFalse(channel.finish());
        wire.release();
    }

    /** Feeds {@code wire} to a lone guard one byte at a time: refused with the alert after {@code refusedAt} bytes. */
    private static void assertRefused(ByteBuf wire, int refusedAt, int description) {
        assertRefused(wire, 1, refusedAt, description);
    }

    private static void assertRefused(ByteBuf wire, int piece, int refusedAt, int description) {
        EmbeddedChannel channel = new EmbeddedChannel(new ClientHelloGuard(ALPN_ID));
        assertEquals(refusedAt, EmbeddedTls.write(channel, wire, piece), "bytes taken before the refusal");
        EmbeddedTls.assertRefused(channel, description);
        assertNull(channel.readInbound(), "nothing passed on to the engine");
        assertFalse(channel.finish());
        wire.release();
    }



    /** Everything that came out of the inbound side, joined, in hex. */
    private static String passedHex(EmbeddedChannel channel) {
        StringBuilder hex = new StringBuilder();
        for (ByteBuf part = channel.readInbound(); part != null; part = channel.readInbound()) {
            hex.append(ByteBufUtil.hexDump(part));
            part.release();
        }
        return hex.toString();
    }
}
