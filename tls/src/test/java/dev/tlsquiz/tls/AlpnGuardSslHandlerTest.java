package dev.tlsquiz.tls;

import static dev.tlsquiz.tls.TlsTestSupport.ALPN_ID;
import static dev.tlsquiz.tls.TlsTestSupport.openServer;
import static dev.tlsquiz.tls.TlsTestSupport.serverConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.testing.ClientHellos;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server's SslHandler from {@link ServerTls#newHandler}, with each engine, fed ClientHellos cut
 * into records: within the bounds the handshake completes; past them the client is refused before
 * the engine pays for its records, for the first ClientHello and for a second one after a
 * HelloRetryRequest alike. Client and server talk through {@link EmbeddedChannel}s, byte by byte
 * where it matters.
 */
class AlpnGuardSslHandlerTest {

    @TempDir
    static Path dir;
    private static TestPki pki;

    @BeforeAll
    static void setUp() {
        TlsTestSupport.requireOpenSsl();
        pki = TestPki.create(dir);
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenARealHelloIsCutIntoTheMostRecordsAndTrickled_thenCompletes(TlsProvider provider) {
        try (ServerTls server = openServer(serverConfig(pki.server(), provider));
             ClientTls client = TlsTestSupport.caClient(pki.caCert(), provider)) {
            EmbeddedChannel serverChannel = new EmbeddedChannel(server.newHandler(ByteBufAllocator.DEFAULT));
            EmbeddedChannel clientChannel = new EmbeddedChannel(
                    client.newHandler(ByteBufAllocator.DEFAULT, "localhost", 26062));
            ByteBuf hello = clientHello(clientChannel);
            ByteBuf wire = ClientHellos.records(hello,
                    (hello.readableBytes() + ClientHelloGuard.MAX_RECORDS - 1) / ClientHelloGuard.MAX_RECORDS);
            assertEquals(wire.readableBytes(), EmbeddedTls.write(serverChannel, wire, 1));
            wire.release();
            for (int flight = 0; flight < 10 && !(done(serverChannel) && done(clientChannel)); flight++) {
                move(serverChannel, clientChannel);
                move(clientChannel, serverChannel);
            }
            SslHandler serverSsl = serverChannel.pipeline().get(SslHandler.class);
            assertTrue(serverSsl.handshakeFuture().isSuccess(), () -> "server: " + serverSsl.handshakeFuture().cause());
            assertTrue(clientChannel.pipeline().get(SslHandler.class).handshakeFuture().isSuccess());
            assertEquals(ALPN_ID, serverSsl.applicationProtocol());
            assertNull(serverChannel.pipeline().get(ClientHelloGuard.class), "the guard left once the hello passed");
            serverChannel.finishAndReleaseAll();
            clientChannel.finishAndReleaseAll();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenARealHelloIsCutInto1ByteRecords_thenRefusedBeforeTheEngineSeesIt(TlsProvider provider) {
        try (ServerTls server = openServer(serverConfig(pki.server(), provider));
             ClientTls client = TlsTestSupport.caClient(pki.caCert(), provider)) {
            EmbeddedChannel clientChannel = new EmbeddedChannel(
                    client.newHandler(ByteBufAllocator.DEFAULT, "localhost", 26062));
            ByteBuf wire = ClientHellos.records(clientHello(clientChannel), 1);
            clientChannel.finishAndReleaseAll();
            EmbeddedChannel serverChannel = new EmbeddedChannel(server.newHandler(ByteBufAllocator.DEFAULT));
            // Written a record at a time: refused by the record over the bound.
            assertEquals((ClientHelloGuard.MAX_RECORDS + 1) * 6, EmbeddedTls.write(serverChannel, wire, 6));
            EmbeddedTls.assertRefused(serverChannel, EmbeddedTls.DECODE_ERROR);
            serverChannel.finishAndReleaseAll();
            wire.release();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenAHelloIsLargerThanTheWireBound_thenRefused(TlsProvider provider) {
        try (ServerTls server = openServer(serverConfig(pki.server(), provider))) {
            EmbeddedChannel serverChannel = new EmbeddedChannel(server.newHandler(ByteBufAllocator.DEFAULT));
            ByteBuf wire = ClientHellos.records(ClientHellos.padded(20_000), 16384);
            // 1000 bytes a read: the 17th read takes it past 16 KiB.
            assertEquals(17_000, EmbeddedTls.write(serverChannel, wire, 1000));
            EmbeddedTls.assertRefused(serverChannel, EmbeddedTls.DECODE_ERROR);
            serverChannel.finishAndReleaseAll();
            wire.release();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"OPENSSL", "JDK"})
    void handshake_whenTheSecondHelloAfterAHelloRetryIsCutInto1ByteRecords_thenClosedAtTheHandshakeBound(
            TlsProvider provider) {
        try (ServerTls server = openServer(serverConfig(pki.server(), provider))) {
            EmbeddedChannel serverChannel = new EmbeddedChannel(server.newHandler(ByteBufAllocator.DEFAULT));
            ByteBuf first = ClientHellos.records(ClientHellos.withoutKeyShare(), 16384);
            EmbeddedTls.write(serverChannel, first, first.readableBytes());
            first.release();
            ByteBuf retry = EmbeddedTls.outbound(serverChannel);
            // A ServerHello (handshake type 2) whose random is the HelloRetryRequest marker (RFC 8446 4.1.3).
            assertEquals(22, retry.getUnsignedByte(0), "a handshake record");
            assertEquals(2, retry.getUnsignedByte(5), "a ServerHello");
            assertEquals(0xCF21AD74, retry.getInt(11), "the HelloRetryRequest random");
            retry.release();

            // The second hello, 16000 bytes of it in 1-byte records: the guard has left, the engine reads them.
            ByteBuf second = ClientHellos.records(ClientHellos.padded(16_000), 1);
            int sent = EmbeddedTls.write(serverChannel, second, 6);
            // One record for the first hello, so the second is closed at its record MAX_HANDSHAKE_RECORDS.
            assertEquals(AlpnGuardSslHandler.MAX_HANDSHAKE_RECORDS * 6, sent);
            assertFalse(serverChannel.isOpen());
            serverChannel.finishAndReleaseAll();
            second.release();
        }
    }

    /** The ClientHello message of a client's first flight, without record headers. */
    private static ByteBuf clientHello(EmbeddedChannel clientChannel) {
        ByteBuf flight = EmbeddedTls.outbound(clientChannel);
        try {
            return ClientHellos.payload(flight);
        } finally {
            flight.release();
        }
    }

    private static void move(EmbeddedChannel from, EmbeddedChannel to) {
        ByteBuf bytes = EmbeddedTls.outbound(from);
        if (bytes.isReadable() && to.isOpen()) {
            to.writeInbound(bytes);
        } else {
            bytes.release();
        }
    }

    private static boolean done(EmbeddedChannel channel) {
        return channel.pipeline().get(SslHandler.class).handshakeFuture().isDone();
    }
}
