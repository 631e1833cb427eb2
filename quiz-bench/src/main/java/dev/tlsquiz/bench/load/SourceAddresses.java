package dev.tlsquiz.bench.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Spreads connections over the loopback source addresses {@code 127.0.0.1 .. 127.0.0.N}.
 *
 * <p>Why: every TCP connection to one server address needs its own local port, and one source
 * address has only the ephemeral range (about 28,000 ports on Linux, fewer while old connections
 * sit in TIME_WAIT). Each extra loopback address brings a whole new range; all of {@code 127/8}
 * is loopback on Linux, so no configuration is needed.
 *
 * <p>Connection {@code i} (counted across processes) uses address {@code 1 + i % N}, so any
 * contiguous block of connections is spread evenly.
 */
public final class SourceAddresses {

    /** The most addresses that stay within {@code 127.0.0.x}. */
    public static final int MAX = 254;

    private final int count;

    /**
     * @param count how many addresses to spread over; 0 or 1 means "let the kernel choose" (no bind)
     */
    public SourceAddresses(int count) {
        if (count < 0 || count > MAX) {
            throw new IllegalArgumentException("--source-addresses: " + count + " (expected: 0.." + MAX + ")");
        }
        this.count = count;
    }

    /** Whether connections are bound to a chosen source address at all. */
    public boolean binds() {
        return count > 1;
    }

    /** The last octet of the source address of connection {@code connectionIndex}: 1..N. */
    public int lastOctet(long connectionIndex) {
        if (connectionIndex < 0) {
            throw new IllegalArgumentException("connectionIndex: " + connectionIndex + " (expected: >= 0)");
        }
        return 1 + (int) (connectionIndex % Math.max(count, 1));
    }

    /**
     * The local address to bind connection {@code connectionIndex} to (port 0: the kernel picks),
     * or {@code null} when this spreads over no addresses.
     */
    public InetSocketAddress localAddress(long connectionIndex) {
        if (!binds()) {
            return null;
        }
        int octet = lastOctet(connectionIndex);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) octet}), 0);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("a 4-byte address is always valid", impossible);
        }
    }
}
