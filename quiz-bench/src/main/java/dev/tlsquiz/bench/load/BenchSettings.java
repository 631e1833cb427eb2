package dev.tlsquiz.bench.load;

import dev.tlsquiz.tls.Transport;
import java.time.Duration;

/**
 * One process's share of a bench run, as validated from the command line.
 *
 * @param scenario          what to measure
 * @param peer              what kind of server
 * @param host              the server host
 * @param port              the server port
 * @param connections       connections (players) of this process
 * @param firstConnection   global index of this process's first connection (spreads source addresses)
 * @param duration          how long to measure (each handshake kind gets the whole of it)
 * @param warmup            how long to run before measuring
 * @param rate              total requests per second of this process in open loop; 0: closed loop
 * @param rounds            rounds asked for in HELLO by the roundtrips scenario
 * @param handshakeMode     which handshakes the handshakes scenario measures
 * @param sourceAddresses   how many loopback source addresses to spread over (0 or 1: none)
 * @param transport         the Netty transport
 * @param threads           event-loop threads
 * @param connectTimeout    connect and handshake timeout
 * @param connectWindow     connections allowed in their connect or handshake at once
 * @param pingInterval      how often an idle session sends PING so that the server keeps it
 */
public record BenchSettings(Scenario scenario, Peer peer, String host, int port, int connections, int firstConnection,
                            Duration duration, Duration warmup, double rate, int rounds, HandshakeMode handshakeMode,
                            int sourceAddresses, Transport transport, int threads, Duration connectTimeout,
                            int connectWindow, Duration pingInterval) {

    /** Whether round trips are paced at a constant rate (open loop) rather than back to back. */
    public boolean openLoop() {
        return rate > 0;
    }
}
