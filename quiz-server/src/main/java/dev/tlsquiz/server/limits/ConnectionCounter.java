package dev.tlsquiz.server.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections, in total and per client address, against two limits. An IPv4 address
 * counts on its own; an IPv6 address counts as its /64 ({@link #countedAs}), because one host or
 * household is given a whole /64 and may pick any address in it. Connections land
 * on different event loops, so every method is thread-safe: the total is an {@link AtomicInteger},
 * and each address's count is changed with {@link ConcurrentHashMap#compute}, which is atomic per
 * key, so an address's entry disappears exactly when its last connection is released.
 *
 * <p>Every successful {@link #tryAcquire} must be matched by one {@link #release} of the same
 * address (the handler does it when the channel closes).
 */
public final class ConnectionCounter {

    /** The outcome of {@link #tryAcquire}. */
    public enum Admission {
        /** Counted: the connection may proceed. */
        ADMITTED,
        /** Refused: the server holds its maximum number of connections. */
        TOO_MANY_CONNECTIONS,
        /** Refused: this client address holds its maximum number of connections. */
        TOO_MANY_FROM_ADDRESS
    }

    private final int maxConnections;
    private final int maxConnectionsPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

    /**
     * @param maxConnections           the most connections open at once, at least 1
     * @param maxConnectionsPerAddress the most connections open at once from one address, at least 1
     */
    public ConnectionCounter(int maxConnections, int maxConnectionsPerAddress) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections: " + maxConnections + " (expected: >= 1)");
        }
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException(
                    "maxConnectionsPerAddress: " + maxConnectionsPerAddress + " (expected: >= 1)");
        }
        this.maxConnections = maxConnections;
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
    }

    /**
     * What the per-address limit counts {@code address} as: an IPv4 address itself, an IPv6 address its
     * /64 network ({@code 2001:db8:1:2::/64} as {@code 2001:db8:1:2::}). An IPv4-mapped IPv6 address is
     * the IPv4 address it maps.
     */
    public static InetAddress countedAs(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        try {
            if (isIpv4Mapped(bytes)) {
                return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an IP address of 4 or 16 bytes was refused", e);
        }
    }

    /** Whether a 16-byte address has the form {@code ::ffff:a.b.c.d}. */
    private static boolean isIpv4Mapped(byte[] ipv6) {
        for (int i = 0; i < 10; i++) {
            if (ipv6[i] != 0) {
                return false;
            }
        }
        return ipv6[10] == (byte) 0xff && ipv6[11] == (byte) 0xff;
    }

    /**
     * Counts a new connection from {@code address} if both limits allow it; otherwise counts
     * nothing and says which limit refused it.
     *
     * @param address the client's address, or null when the transport has none (counted in the
     *                total only)
     */
    public Admission tryAcquire(InetAddress address) {
        if (total.incrementAndGet() > maxConnections) {
            total.decrementAndGet();
            return Admission.TOO_MANY_CONNECTIONS;
        }
        if (address == null) {
            return Admission.ADMITTED;
        }
        boolean[] refused = new boolean[1];
        perAddress.compute(countedAs(address), (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxConnectionsPerAddress) {
                refused[0] = true;
                return count;
            }
            return current + 1;
        });
        if (refused[0]) {
            total.decrementAndGet();
            return Admission.TOO_MANY_FROM_ADDRESS;
        }
        return Admission.ADMITTED;
    }

    /** Forgets one admitted connection from {@code address} (null if it was admitted without one). */
    public void release(InetAddress address) {
        if (address != null) {
            perAddress.computeIfPresent(countedAs(address), (key, count) -> count <= 1 ? null : count - 1);
        }
        total.decrementAndGet();
    }

    /** Connections counted now. */
    public int total() {
        return total.get();
    }

    /** Connections counted now from {@code address}: from its /64 for an IPv6 address. */
    public int from(InetAddress address) {
        return perAddress.getOrDefault(countedAs(address), 0);
    }

    /** Addresses (IPv6: /64 networks) with at least one connection counted: what the per-address map holds. */
    public int addresses() {
        return perAddress.size();
    }

    public int maxConnections() {
        return maxConnections;
    }

    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }
}
