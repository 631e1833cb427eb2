package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Ranks by score with shared ranks (1, 1, 3), per room, checked from counts that merge across processes. */
class RankCheckTest {

    @Test
    void mismatches_whenSharedRanksRight_thenNone() {
        RankCheck check = new RankCheck();
        check.add(0, 300, 1, 2);
        check.add(0, 200, 3, 1);
        check.add(0, 0, 4, 5);
        // Another room ranks on its own.
        check.add(1, 100, 1, 1);

        assertEquals(0, check.mismatches());
    }

    @Test
    void mismatches_whenARankSkipsOrTiesWrongly_thenThosePlayersCounted() {
        RankCheck check = new RankCheck();
        check.add(0, 300, 1, 1);
        check.add(0, 300, 2, 1);
        check.add(0, 200, 2, 3);

        // One of the 300s should share rank 1; the 200s should be 3rd.
        assertEquals(4, check.mismatches());
    }

    @Test
    void encode_whenPartsMerged_thenSameAsOneCheck() {
        RankCheck first = new RankCheck();
        first.add(0, 300, 1, 1);
        first.add(2, 50, 1, 1);
        RankCheck second = new RankCheck();
        second.add(0, 300, 1, 1);
        second.add(0, 100, 2, 1);

        RankCheck merged = RankCheck.decode(first.encode());
        merged.add(RankCheck.decode(second.encode()));

        assertEquals(1, merged.mismatches(), "100 comes after two players at 300: rank 3");
        assertEquals("0:100:2:1,0:300:1:2,2:50:1:1", merged.encode());
        assertEquals(0, RankCheck.decode("").mismatches());
    }

    @Test
    void decode_whenNotAnEncoding_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> RankCheck.decode("1:2:3"));
        assertThrows(NumberFormatException.class, () -> RankCheck.decode("a:b:c:d"));
    }
}
