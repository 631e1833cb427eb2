package dev.tlsquiz.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlsquiz.server.limits.ConnectionCounter.Admission;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionCounterTest {

    private static final InetAddress A = address(10, 0, 0, 1);
    private static final InetAddress B = address(10, 0, 0, 2);

    @Test
    void tryAcquire_whenTotalLimitReached_thenRefusesUntilOneIsReleased() {
        ConnectionCounter counter = new ConnectionCounter(2, 10);
        assertEquals(Admission.ADMITTED, counter.tryAcquire(A));
        assertEquals(Admission.ADMITTED, counter.tryAcquire(B));
        assertEquals(Admission.TOO_MANY_CONNECTIONS, counter.tryAcquire(B));
        assertEquals(2, counter.total());
        counter.release(A);
        assertEquals(Admission.ADMITTED, counter.tryAcquire(B));
        assertEquals(2, counter.from(B));
    }

    @Test
    void tryAcquire_whenAddressLimitReached_thenRefusesThatAddressOnly() {
        ConnectionCounter counter = new ConnectionCounter(100, 2);
        assertEquals(Admission.ADMITTED, counter.tryAcquire(A));
        assertEquals(Admission.ADMITTED, counter.tryAcquire(A));
        assertEquals(Admission.TOO_MANY_FROM_ADDRESS, counter.tryAcquire(A));
        assertEquals(Admission.ADMITTED, counter.tryAcquire(B));
        // A refusal counts nowhere.
        assertEquals(3, counter.total());
        assertEquals(2, counter.from(A));
    }

    @Test
    void tryAcquire_whenIpv6AddressesShareA64_thenTheyShareOneLimit() throws Exception {
        // One host or household gets a whole /64: counting each address would give it 2^64 budgets.
        ConnectionCounter counter = new ConnectionCounter(100, 2);
        InetAddress first = InetAddress.getByName("2001:db8:1:2::1");
        InetAddress second = InetAddress.getByName("2001:db8:1:2:a8c3:ff:fe00:42");
        InetAddress otherNetwork = InetAddress.getByName("2001:db8:1:3::1");
        assertEquals(Admission.ADMITTED, counter.tryAcquire(first));
        assertEquals(Admission.ADMITTED, counter.tryAcquire(second));
        assertEquals(Admission.TOO_MANY_FROM_ADDRESS, counter.tryAcquire(InetAddress.getByName("2001:db8:1:2::ffff")));
        assertEquals(Admission.ADMITTED, counter.tryAcquire(otherNetwork));
        assertEquals(2, counter.from(first));
        assertEquals(2, counter.from(second));
        assertEquals(2, counter.addresses());
        counter.release(second);
        counter.release(first);
        counter.release(otherNetwork);
        assertEquals(0, counter.addresses());
        assertEquals(0, counter.total());
    }

    @Test
    void tryAcquire_whenIpv4AddressesShareA24_thenEachKeepsItsOwnLimit() {
        ConnectionCounter counter = new ConnectionCounter(100, 1);
        assertEquals(Admission.ADMITTED, counter.tryAcquire(A));
        assertEquals(Admission.ADMITTED, counter.tryAcquire(B));
        assertEquals(Admission.TOO_MANY_FROM_ADDRESS, counter.tryAcquire(A));
        assertEquals(2, counter.addresses());
    }

    @Test
    void countedAs_whenIpv4MappedIpv6_thenTheIpv4AddressItself() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        assertEquals(A, ConnectionCounter.countedAs(Inet6Address.getByAddress(null, mapped, -1)));
        assertEquals(A, ConnectionCounter.countedAs(A));
        assertEquals(InetAddress.getByName("2001:db8::"),
                ConnectionCounter.countedAs(InetAddress.getByName("2001:db8::ffff:1:2:3")));
    }

    @Test
    void release_whenLastConnectionOfAnAddressCloses_thenItsEntryIsGone() {
        ConnectionCounter counter = new ConnectionCounter(100, 5);
        counter.tryAcquire(A);
        counter.tryAcquire(A);
        counter.release(A);
        assertEquals(1, counter.addresses());
        counter.release(A);
        assertEquals(0, counter.addresses());
        assertEquals(0, counter.total());
    }

    @Test
    void tryAcquire_whenAddressUnknown_thenCountsTowardsTheTotalOnly() {
        ConnectionCounter counter = new ConnectionCounter(1, 1);
        assertEquals(Admission.ADMITTED, counter.tryAcquire(null));
        assertEquals(Admission.TOO_MANY_CONNECTIONS, counter.tryAcquire(null));
        counter.release(null);
        assertEquals(0, counter.total());
        assertEquals(0, counter.addresses());
    }

    @Test
    void tryAcquireAndRelease_whenRacingOnManyThreads_thenCountsReturnToZero() throws Exception {
        ConnectionCounter counter = new ConnectionCounter(50, 20);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                InetAddress address = t % 2 == 0 ? A : B;
                results.add(pool.submit(() -> {
                    start.await();
                    int admitted = 0;
                    for (int i = 0; i < 20_000; i++) {
                        if (counter.tryAcquire(address) == Admission.ADMITTED) {
                            admitted++;
                            assertEquals(true, counter.total() <= 50);
                            counter.release(address);
                        }
                    }
                    return admitted;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(true, result.get(30, TimeUnit.SECONDS) > 0);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, counter.total());
        assertEquals(0, counter.addresses());
    }

    private static InetAddress address(int... bytes) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) bytes[0], (byte) bytes[1], (byte) bytes[2], (byte) bytes[3]});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
