package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlsquiz.tls.testing.ClientHellos;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader of a reassembled ClientHello's ALPN offer, behind the ALPN refusal. */
class ClientHelloAlpnTest {

    private static final String WANTED = "tlsquiz/1";

    /** Reads the offer of a ClientHello message, as the guard gets it: without its handshake header. */
    private static ClientHelloAlpn.Offer read(ByteBuf message) {
        try {
            return ClientHelloAlpn.read(message.skipBytes(ClientHellos.HANDSHAKE_HEADER_BYTES), WANTED);
        } finally {
            message.release();
        }
    }

    @Test
    void read_whenAlpnOffersOnlyHttp_thenOffersOthersOnlyWithTheIds() {
        ClientHelloAlpn.Offer offer = read(ClientHellos.message("h2", "http/1.1"));
        assertEquals(ClientHelloAlpn.Verdict.OFFERS_OTHERS_ONLY, offer.verdict());
        assertEquals(List.of("h2", "http/1.1"), offer.offered());
    }

    @Test
    void read_whenAlpnHoldsTlsquiz_thenOffersWanted() {
        assertEquals(ClientHelloAlpn.Verdict.OFFERS_WANTED, read(ClientHellos.message("h2", WANTED)).verdict());
    }

    @Test
    void read_whenNoAlpnExtension_thenNoAlpn() {
        assertEquals(ClientHelloAlpn.Verdict.NO_ALPN, read(ClientHellos.message()).verdict());
    }

    @Test
    void read_whenNoExtensionsAtAll_thenNoAlpn() {
        assertEquals(ClientHelloAlpn.Verdict.NO_ALPN, read(ClientHellos.minimal()).verdict());
    }

    @Test
    void read_whenNoClientHello_thenLeftToTheEngine() {
        assertEquals(ClientHelloAlpn.Verdict.NOT_A_CLIENT_HELLO, ClientHelloAlpn.read(null, WANTED).verdict());
    }

    @Test
    void read_whenAlpnLengthLies_thenMalformed() {
        ByteBuf message = ClientHellos.message("http/1.1");
        // The ALPN name's length prefix, just before the name: claim more bytes than the list holds.
        message.setByte(message.writerIndex() - "http/1.1".length() - 1, 200);
        assertEquals(ClientHelloAlpn.Verdict.MALFORMED, read(message).verdict());
    }

    @Test
    void read_whenExtensionsLengthLies_thenMalformed() {
        ByteBuf message = ClientHellos.message(WANTED);
        // extensions<0..2^16-1> starts right after the 41 fixed body bytes.
        int extensionsLength = ClientHellos.HANDSHAKE_HEADER_BYTES + 41;
        message.setShort(extensionsLength, message.getUnsignedShort(extensionsLength) + 1);
        assertEquals(ClientHelloAlpn.Verdict.MALFORMED, read(message).verdict());
    }

    @Test
    void read_whenBodyCutShort_thenMalformed() {
        ByteBuf message = ClientHellos.minimal();
        message.writerIndex(message.writerIndex() - 1);
        assertEquals(ClientHelloAlpn.Verdict.MALFORMED, read(message).verdict());
    }
}
