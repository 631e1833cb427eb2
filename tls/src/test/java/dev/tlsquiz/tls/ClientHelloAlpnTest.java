package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ClientHello reader behind the OpenSSL provider's ALPN refusal. */
class ClientHelloAlpnTest {

    /** A minimal ClientHello body with the given ALPN names (none: no ALPN extension). */
    private static ByteBuf clientHello(String... alpn) {
        ByteBuf body = Unpooled.buffer();
        body.writeShort(0x0303);                 // legacy_version
        body.writeZero(32);                      // random
        body.writeByte(0);                       // session_id: empty
        body.writeShort(2).writeShort(0x1301);   // cipher_suites: TLS_AES_128_GCM_SHA256
        body.writeByte(1).writeByte(0);          // compression_methods: null
        ByteBuf extensions = Unpooled.buffer();
        extensions.writeShort(0x000a).writeShort(4).writeShort(2).writeShort(0x001d); // supported_groups: x25519
        if (alpn.length > 0) {
            ByteBuf list = Unpooled.buffer();
            for (String name : alpn) {
                list.writeByte(name.length()).writeCharSequence(name, StandardCharsets.US_ASCII);
            }
            extensions.writeShort(16).writeShort(list.readableBytes() + 2).writeShort(list.readableBytes());
            extensions.writeBytes(list);
            list.release();
        }
        body.writeShort(extensions.readableBytes()).writeBytes(extensions);
        extensions.release();
        ByteBuf message = Unpooled.buffer();
        message.writeByte(1).writeMedium(body.readableBytes()).writeBytes(body); // handshake: client_hello
        body.release();
        return message;
    }

    /** Wraps a handshake message into records of at most {@code fragment} bytes each. */
    private static ByteBuf records(ByteBuf message, int fragment) {
        ByteBuf out = Unpooled.buffer();
        while (message.isReadable()) {
            int length = Math.min(fragment, message.readableBytes());
            out.writeByte(22).writeShort(0x0301).writeShort(length).writeBytes(message, length);
        }
        message.release();
        return out;
    }

    private static ClientHelloAlpn.Verdict inspect(ByteBuf wire, List<String> offered) {
        int before = wire.readerIndex();
        ClientHelloAlpn.Verdict verdict = ClientHelloAlpn.inspect(wire, "tlsquiz/1", offered);
        assertEquals(before, wire.readerIndex(), "inspect must not consume");
        return verdict;
    }

    @Test
    void inspect_whenAlpnOffersOnlyHttp_thenOffersOthersOnly() {
        ByteBuf wire = records(clientHello("h2", "http/1.1"), 16384);
        List<String> offered = new ArrayList<>();
        assertEquals(ClientHelloAlpn.Verdict.OFFERS_OTHERS_ONLY, inspect(wire, offered));
        assertEquals(List.of("h2", "http/1.1"), offered);
        wire.release();
    }

    @Test
    void inspect_whenAlpnHoldsTlsquiz_thenOffersWanted() {
        ByteBuf wire = records(clientHello("h2", "tlsquiz/1"), 16384);
        assertEquals(ClientHelloAlpn.Verdict.OFFERS_WANTED, inspect(wire, new ArrayList<>()));
        wire.release();
    }

    @Test
    void inspect_whenNoAlpnExtension_thenNoAlpn() {
        ByteBuf wire = records(clientHello(), 16384);
        assertEquals(ClientHelloAlpn.Verdict.NO_ALPN, inspect(wire, new ArrayList<>()));
        wire.release();
    }

    @Test
    void inspect_whenHelloSplitAcrossRecordsAndArrivingByteByByte_thenNeedMoreUntilComplete() {
        ByteBuf wire = records(clientHello("http/1.1"), 7);
        ByteBuf partial = Unpooled.buffer();
        for (int i = 0; i < wire.readableBytes() - 1; i++) {
            partial.writeByte(wire.getByte(i));
            assertEquals(ClientHelloAlpn.Verdict.NEED_MORE, inspect(partial, new ArrayList<>()), "after byte " + i);
        }
        partial.writeByte(wire.getByte(wire.readableBytes() - 1));
        assertEquals(ClientHelloAlpn.Verdict.OFFERS_OTHERS_ONLY, inspect(partial, new ArrayList<>()));
        partial.release();
        wire.release();
    }

    @Test
    void inspect_whenNotAHandshakeRecord_thenLeftToTheEngine() {
        ByteBuf http = Unpooled.copiedBuffer("GET / HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII);
        assertEquals(ClientHelloAlpn.Verdict.NOT_TLS_HANDSHAKE, inspect(http, new ArrayList<>()));
        http.release();
    }

    @Test
    void inspect_whenAlpnLengthLies_thenMalformed() {
        ByteBuf message = clientHello("http/1.1");
        // The last byte of the ALPN name list: shorten the name's length prefix to break the list.
        int nameLengthIndex = message.writerIndex() - "http/1.1".length() - 1;
        message.setByte(nameLengthIndex, 200);
        ByteBuf wire = records(message, 16384);
        assertEquals(ClientHelloAlpn.Verdict.MALFORMED, inspect(wire, new ArrayList<>()));
        wire.release();
    }

    @Test
    void inspect_whenHandshakeLengthHuge_thenMalformedWithoutWaiting() {
        ByteBuf wire = Unpooled.buffer();
        wire.writeByte(22).writeShort(0x0301).writeShort(4).writeByte(1).writeMedium(0xFFFFFF);
        assertEquals(ClientHelloAlpn.Verdict.MALFORMED, inspect(wire, new ArrayList<>()));
        wire.release();
    }
}
