package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.server.QuizTestClient;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.ClientHellos;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hundreds of ClientHellos held open before the handshake, from one address, against the real
 * server in its own JVM with a small heap ({@code -Xmx256m}): 16 KB ClientHellos, each one byte
 * short of complete, half cut into 1-byte TLS records (a 5-byte header for each byte of hello), half
 * into 256-byte records (just under the 16 KiB a connection may hold before its handshake).
 * The server must not run out of memory, must hold little per connection, and must still greet a
 * player at another address promptly. Measured on both TLS providers.
 *
 * <p>The figures (resident memory and heap per held connection, the player's WELCOME latency) are
 * printed, so that this test is also the measurement.
 */
class ClientHelloFloodTest {

    /** Held connections from 127.0.0.2: hundreds, bounded so that each provider takes seconds. */
    private static final int ATTACKERS = 300;
    /** A few connections of each kind first, so that the baseline has the attack's classes loaded and compiled. */
    private static final int WARM_UP = 20;
    /** This attack cost about 290 KB a connection before the pre-handshake bytes were bounded. */
    private static final long MAX_BYTES_PER_CONNECTION = 64 * 1024;
    private static final Duration MAX_WELCOME_LATENCY = Duration.ofSeconds(5);
    /** Wire bytes each attacker writes per tick: a trickle, many small reads for the server. */
    private static final int CHUNK_BYTES = 600;
    private static final long TICK_MILLIS = 5;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void clientHellos_whenHundredsAreHeldInTinyRecords_thenMemoryStaysSmallAndPlayersAreGreeted(String provider)
            throws Exception {
        TestPki pki = TestPki.create(dir);
        EventLoopGroup group = Loopback.newClientGroup();
        // The heap is committed and touched at start, so resident memory grows only with what the attack costs.
        try (ClientTls tls = Loopback.clientTls(pki);
             ServerProcess server = ServerProcess.start(dir, List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"),
                     "--cert", pki.serverCert().toString(), "--key", pki.serverKey().toString(),
                     "--tls-provider", provider, "--seed", "42",
                     // The held connections must stay for the whole measurement.
                     "--handshake-timeout", "60s")) {
            InetSocketAddress address = server.address();
            welcomeLatency(group, tls, address);
            List<Trickle> warmUp = startAttack(group, address, WARM_UP);
            awaitSettled(warmUp);
            closeAll(warmUp);

            // The first jcmd starts the JVM's attach listener: before the baseline, not in the figures.
            long heapBefore = server.heapUsedAfterGc();
            long residentBefore = server.residentBytes();
            List<Trickle> attack = startAttack(group, address, ATTACKERS);
            // While the ClientHellos trickle in: that is when reassembling them costs the server.
            Duration welcome = welcomeLatency(group, tls, address);
            awaitSettled(attack);
            long held = attack.stream().filter(t -> t.channel.isActive()).count();
            long resident = server.residentBytes() - residentBefore;
            long heap = server.heapUsedAfterGc() - heapBefore;
            System.out.printf("%s: %d ClientHellos from 127.0.0.2, %d held: resident memory %+d bytes and heap %+d"
                            + " bytes per connection (%+d and %+d per held one); a player's WELCOME after %d ms%n",
                    provider, ATTACKERS, held, resident / ATTACKERS, heap / ATTACKERS,
                    resident / Math.max(1, held), heap / Math.max(1, held), welcome.toMillis());
            closeAll(attack);

            String output = server.output();
            assertFalse(output.contains("OutOfMemoryError"), output);
            assertTrue(server.isAlive(), output);
            assertTrue(resident / ATTACKERS < MAX_BYTES_PER_CONNECTION, "resident memory per attacking connection: "
                    + resident / ATTACKERS + " bytes (expected: < " + MAX_BYTES_PER_CONNECTION + ")");
            assertTrue(heap / ATTACKERS < MAX_BYTES_PER_CONNECTION, "heap per attacking connection: "
                    + heap / ATTACKERS + " bytes (expected: < " + MAX_BYTES_PER_CONNECTION + ")");
            assertTrue(welcome.compareTo(MAX_WELCOME_LATENCY) < 0, "WELCOME took " + welcome.toMillis() + " ms");
        } finally {
            Loopback.shutdown(group);
        }
    }

    /** Connect, handshake, HELLO, WELCOME: how long a player at 127.0.0.1 waits to be greeted. */
    private static Duration welcomeLatency(EventLoopGroup group, ClientTls tls, InetSocketAddress address)
            throws InterruptedException {
        long start = System.nanoTime();
        try (QuizTestClient player = QuizTestClient.connect(group, tls, address)) {
            Welcome welcome = player.hello("honest");
            assertEquals("honest", welcome.playerName());
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    /**
     * Opens {@code count} connections from 127.0.0.2 and starts trickling a held ClientHello into
     * each, in 1-byte records on even connections and 256-byte records on odd ones.
     */
    private static List<Trickle> startAttack(EventLoopGroup group, InetSocketAddress address, int count) {
        byte[] tiny = heldClientHello(16000, 1);
        byte[] full = heldClientHello(16000, 256);
        List<Trickle> trickles = new ArrayList<>();
        List<Channel> channels = Loopback.connected(Loopback.openRaw(group, address, "127.0.0.2", count));
        for (int i = 0; i < channels.size(); i++) {
            trickles.add(new Trickle(channels.get(i), i % 2 == 0 ? tiny : full));
        }
        return trickles;
    }

    /** Until every connection has sent all it will send, or was closed by the server. */
    private static void awaitSettled(List<Trickle> trickles) throws InterruptedException {
        Loopback.await("every attacker to send its held ClientHello or be closed", SETTLE_TIMEOUT,
                () -> trickles.stream().allMatch(Trickle::settled));
    }

    private static void closeAll(List<Trickle> trickles) throws InterruptedException {
        trickles.forEach(t -> t.channel.close());
        Loopback.await("the attackers' connections to close", SETTLE_TIMEOUT,
                () -> trickles.stream().noneMatch(t -> t.channel.isOpen()));
    }

    /**
     * A ClientHello of {@code bodyLength} body bytes in handshake records of {@code fragment} bytes,
     * without its very last byte: the server has to wait for it.
     */
    private static byte[] heldClientHello(int bodyLength, int fragment) {
        ByteBuf wire = ClientHellos.records(ClientHellos.padded(bodyLength), fragment);
        try {
            return ByteBufUtil.getBytes(wire, 0, wire.readableBytes() - 1);
        } finally {
            wire.release();
        }
    }

    /** Writes one held ClientHello a chunk per tick, on the connection's own event loop. */
    private static final class Trickle implements Runnable {

        private final Channel channel;
        private final byte[] wire;
        private volatile int sent;

        Trickle(Channel channel, byte[] wire) {
            this.channel = channel;
            this.wire = wire;
            channel.eventLoop().execute(this);
        }

        @Override
        public void run() {
            if (settled()) {
                return;
            }
            int length = Math.min(CHUNK_BYTES, wire.length - sent);
            channel.writeAndFlush(Unpooled.wrappedBuffer(wire, sent, length));
            sent += length;
            channel.eventLoop().schedule(this, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }

        boolean settled() {
            return !channel.isActive() || sent == wire.length;
        }
    }
}
