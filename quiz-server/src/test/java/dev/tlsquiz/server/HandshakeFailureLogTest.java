package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.NotSslRecordException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class HandshakeFailureLogTest {

    private final List<String> lines = new ArrayList<>();
    private final long[] clock = {0};
    private final HandshakeFailureLog log = new HandshakeFailureLog(lines::add, Duration.ofSeconds(10), () -> clock[0]);
    private final InetSocketAddress client = new InetSocketAddress("203.0.113.7", 50122);

    @Test
    void failed_whenFloodOfOneKind_thenOneLinePerIntervalWithTheCountLeftOut() {
        for (int i = 0; i < 3000; i++) {
            log.failed(client, new NotSslRecordException("not an SSL/TLS record: " + "47455420".repeat(1000)));
        }
        assertEquals(List.of("203.0.113.7:50122: TLS handshake failed: not TLS: the client sent something else"
                + " (plain text, HTTP or another protocol)"), lines);

        clock[0] += Duration.ofSeconds(10).toNanos();
        log.failed(client, new NotSslRecordException("not an SSL/TLS record: 00"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).endsWith("(and 2999 more like it since the previous line, not logged)"), lines.get(1));
    }

    @Test
    void failed_whenKindsDiffer_thenEachHasItsOwnRate() {
        log.failed(client, new NotSslRecordException("not an SSL/TLS record: 00"));
        log.failed(client, new NotSslRecordException("not an SSL/TLS record: 00"));
        log.failed(client, new SSLHandshakeException("Received fatal alert: bad_certificate"));
        log.failed(client, new SSLHandshakeException("Empty client certificate chain"));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains("the client refused this server's certificate (alert bad_certificate)"),
                lines.get(1));
        assertTrue(lines.get(2).contains("the client sent no certificate"), lines.get(2));
    }

    @Test
    void failed_whenClientClosedDuringTheHandshake_thenNoInfoLine() {
        log.failed(client, new ClosedChannelException());
        assertEquals(List.of(), lines);
    }
}
