package dev.tlsquiz.tls.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DevCaNameTest {

    @Test
    void of_thenTagThenTheHost() {
        assertEquals("tlsquiz development CA 3F2A9C (host quiz-box.lan)", DevCaName.of("quiz-box.lan", "3F2A9C"));
    }

    @Test
    void of_whenTheHostNameIsHostile_thenOnlySafeCharactersAndBounded() {
        assertEquals("tlsquiz development CA 3F2A9C (host evil--31m-x-y)", DevCaName.of("evil\u001b[31m,x=y", "3F2A9C"));
        assertEquals("unknown", DevCaName.safeHost(null));
        assertEquals("unknown", DevCaName.safeHost(""));
        assertEquals(63, DevCaName.safeHost("h".repeat(10_000)).length());
    }

    @Test
    void next_thenTwoNamesDiffer() {
        String name = DevCaName.next();
        assertTrue(name.matches("tlsquiz development CA [0-9A-F]{6} \\(host [A-Za-z0-9.-]+\\)"), name);
        assertNotEquals(name, DevCaName.next());
    }
}
