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
 * A server that floods a real {@code quiz} process whose stdout nobody reads: the client must stop
 * reading from the server once its queue of events is full (so its memory stays bounded however long
 * the flood lasts), and when the pipe finally closes it must end with one line, not stack traces.
 */
class BlockedOutputTest {

    /** Far more than the client's queue, sockets and one read burst hold; far less than a minute of flood. */
    static final long MAX_FLOOD_TAKEN_BYTES = 64L << 20;
    /** The client runs with a 128 MiB heap; its whole process must stay well under what a flood would take. */
    static final long MAX_RSS_KIB = 400L << 10;

    @TempDir
    Path dir;

    @Test
    void main_whenServerFloodsAndStdoutIsNotRead_thenClientStopsReadingAndAClosedPipeEndsItWithOneLine()
            throws Exception {
        TestPki pki = TestPki.create(dir);
        try (RawTlsServer raw = new RawTlsServer(pki, RawTlsServer.Behavior.FLOOD);
             ClientProcess client = ClientProcess.start(dir.resolve("client.err"), "--auto", "--host", "127.0.0.1",
                     "--port", Integer.toString(raw.port()), "--cafile", pki.caCert().toString(),
                     "--known-hosts", dir.resolve("kh").toString())) {
            long taken = client.awaitFloodStalled(raw);
            assertTrue(taken < MAX_FLOOD_TAKEN_BYTES, "the client took " + taken + " bytes of flood");
            // Stalled means stalled: a while later it has taken nothing more, and its memory is what it was.
            long rss = client.rssKib();
            assertFalse(client.process().waitFor(2, TimeUnit.SECONDS), "the client exited: " + client.stderr());
            assertEquals(taken, raw.floodedBytes(), "the client went on reading the flood");
            long rssLater = client.rssKib();
            assertTrue(rss < MAX_RSS_KIB && rssLater < MAX_RSS_KIB, "RSS " + rss + " KiB, then " + rssLater + " KiB");

            client.closeStdout();

            assertTrue(client.process().waitFor(30, TimeUnit.SECONDS), "the client did not end after its stdout closed");
            String stderr = client.stderr();
            assertEquals(1, stderr.split("\n", -1).length - 1, "one line on stderr:\n" + stderr);
            assertTrue(stderr.startsWith("quiz: cannot write the output any more"), stderr);
            assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);
            assertEquals(ExitCodes.INTERNAL_ERROR, client.process().exitValue(), stderr);
        }
        LeakCheckExtension.collectLeaks();
    }
}
