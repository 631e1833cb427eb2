package dev.tlsquiz.server.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.room.RoomCodes;
import dev.tlsquiz.server.room.Secrets;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Room codes as typed, seat-token comparison, and the failed-join limit. */
class RoomCodesTest {

    @Test
    void codes_useTheUnambiguousAlphabet_andAreReadAsTyped() {
        RoomCodes codes = new RoomCodes(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = codes.next();
            assertTrue(code.matches("[2-9A-HJKMNP-TV-Z]{6}"), code);
            seen.add(code);
            assertEquals(Optional.of(code), RoomCodes.canonical(RoomCodes.display(code).toLowerCase()));
        }
        assertTrue(seen.size() > 990);
        assertEquals(Optional.of("K7Q2MF"), RoomCodes.canonical("k7q-2mf"));
        assertEquals(Optional.empty(), RoomCodes.canonical("K7Q-2M0"));
        assertEquals(Optional.empty(), RoomCodes.canonical("K7Q-2MFF"));
        assertEquals(Optional.empty(), RoomCodes.canonical("\u001b[2J"));
        assertEquals(Optional.empty(), RoomCodes.canonical("x".repeat(100_000)));
    }

    @Test
    void secrets_matchOnlyExactly_andNeverEmpty() {
        String token = Secrets.random(new SecureRandom(), Secrets.SEAT_TOKEN_BITS);
        assertEquals(22, token.length());
        assertTrue(Secrets.matches(token, token));
        assertFalse(Secrets.matches(token, token.substring(1)));
        assertFalse(Secrets.matches(token, ""));
    }

    @Test
    void failedJoins_areLimitedPerAddressAndMinute() throws Exception {
        JoinAttempts attempts = new JoinAttempts(3);
        InetAddress scanner = InetAddress.getByName("192.0.2.1");
        InetAddress other = InetAddress.getByName("192.0.2.2");
        long now = 0;
        for (int i = 0; i < 3; i++) {
            assertTrue(attempts.allowed(scanner, now));
            attempts.failed(scanner, now);
        }
        assertFalse(attempts.allowed(scanner, now));
        assertTrue(attempts.allowed(other, now));
        assertTrue(attempts.allowed(scanner, now + TimeUnit.MINUTES.toNanos(1)));
    }

    @Test
    void operations_readAsSymbolsOrNames() {
        assertEquals(Set.of(dev.tlsquiz.server.quiz.Operation.ADD, dev.tlsquiz.server.quiz.Operation.MUL),
                RoomQuestions.operations("+*"));
        assertEquals(Set.of(dev.tlsquiz.server.quiz.Operation.SUB), RoomQuestions.operations("sub"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RoomQuestions.operations("%"));
    }
}
