package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SharesAndChildArgsTest {

    @Test
    void split_whenNotDivisible_thenFirstSharesTakeTheRemainderAndIndexesFollowOn() {
        List<Shares.Share> shares = Shares.split(10, 1_000, 3);

        assertEquals(List.of(new Shares.Share(0, 4, 400.0), new Shares.Share(4, 3, 300.0),
                new Shares.Share(7, 3, 300.0)), shares);
    }

    @Test
    void split_whenMoreProcessesThanConnections_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> Shares.split(2, 0, 3));
    }

    @Test
    void forChild_thenPerChildOptionsReplacedAndTheRestKept() {
        List<String> parent = List.of("--scenario", "idle", "--connections", "19000", "--processes=2",
                "--output", "text", "--cafile", "ca.pem", "--source-addresses", "2");

        List<String> child = ChildArgs.forChild(parent, new Shares.Share(9_500, 9_500, 0));

        assertEquals(List.of("--scenario", "idle", "--cafile", "ca.pem", "--source-addresses", "2",
                "--child", "--processes", "1", "--output", "json", "--connections", "9500",
                "--first-connection", "9500", "--rate", "0.000"), child);
    }
}
