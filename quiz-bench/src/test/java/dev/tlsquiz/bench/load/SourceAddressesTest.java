package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceAddressesTest {

    @Test
    void localAddress_whenOneAddress_thenNoBind() {
        SourceAddresses one = new SourceAddresses(1);

        assertFalse(one.binds());
        assertNull(one.localAddress(5));
    }

    @Test
    void localAddress_whenSeveral_thenRoundRobinFrom127001() {
        SourceAddresses three = new SourceAddresses(3);

        assertTrue(three.binds());
        assertEquals("127.0.0.1", three.localAddress(0).getAddress().getHostAddress());
        assertEquals("127.0.0.2", three.localAddress(1).getAddress().getHostAddress());
        assertEquals("127.0.0.3", three.localAddress(2).getAddress().getHostAddress());
        assertEquals("127.0.0.1", three.localAddress(3).getAddress().getHostAddress());
        assertEquals(0, three.localAddress(4).getPort());
    }

    @Test
    void lastOctet_whenConnectionsSplitOverProcesses_thenEveryAddressGetsAnEvenShare() {
        SourceAddresses four = new SourceAddresses(4);
        int[] perAddress = new int[5];
        // 19,000 connections in 3 processes, numbered on across processes as Shares does it.
        for (Shares.Share share : Shares.split(19_000, 0, 3)) {
            for (int i = 0; i < share.connections(); i++) {
                perAddress[four.lastOctet((long) share.firstConnection() + i)]++;
            }
        }
        assertEquals(List.of(0, 4_750, 4_750, 4_750, 4_750),
                List.of(perAddress[0], perAddress[1], perAddress[2], perAddress[3], perAddress[4]));
    }

    @Test
    void constructor_whenBeyond127000254_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceAddresses(255));
    }
}
