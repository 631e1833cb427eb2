package dev.tlsquiz.client.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.testing.ClientProcess;
import dev.tlsquiz.client.testing.RawTlsServer;
import dev.tlsquiz.codec.testing.LeakCheckExtension;
import dev.tlsquiz.tls.testing.TestPki;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that floods a real {@code quiz} process with PINGs and reads nothing: every PING asks for a
 * PONG that cannot leave, so a client that went on reading would pile up PONGs without end. It must
 * stop reading once its unsent data passes the high-water mark, and still end by its own deadline.
 */
class PingFloodTest {

    @TempDir
    Path dir;

    @Test
    void main_whenServerFloodsPingsAndReadsNoPongs_thenClientStopsReadingAndEndsAtItsDeadline() throws Exception {
        TestPki pki = TestPki.create(dir);
        try (RawTlsServer raw = new RawTlsServer(pki, RawTlsServer.Behavior.PING_FLOOD_WITHOUT_READING);
             ClientProcess client = ClientProcess.start(dir.resolve("client.err"), "--auto", "--host", "127.0.0.1",
                     "--port", Integer.toString(raw.port()), "--cafile", pki.caCert().toString(),
                     "--known-hosts", dir.resolve("kh").toString(), "--server-timeout", "10s")) {
            long taken = client.awaitFloodStalled(raw);
            assertTrue(taken < BlockedOutputTest.MAX_FLOOD_TAKEN_BYTES, "the client took " + taken + " bytes of PINGs");
            assertFalse(client.process().waitFor(2, TimeUnit.SECONDS), "the client exited: " + client.stderr());
            assertEquals(taken, raw.floodedBytes(), "the client went on reading the flood");
            assertTrue(client.rssKib() < BlockedOutputTest.MAX_RSS_KIB, "RSS " + client.rssKib() + " KiB");

            assertTrue(client.process().waitFor(30, TimeUnit.SECONDS), "the client did not end at its deadline");
            String stderr = client.stderr();
            assertEquals(ExitCodes.PROTOCOL_ERROR, client.process().exitValue(), stderr);
            assertTrue(stderr.startsWith("quiz: the server sent no WELCOME within 10 s"), stderr);
            assertEquals(1, stderr.split("\n", -1).length - 1, "one line on stderr:\n" + stderr);
        }
        LeakCheckExtension.collectLeaks();
    }
}
