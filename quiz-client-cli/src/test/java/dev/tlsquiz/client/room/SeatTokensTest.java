package dev.tlsquiz.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeatTokensTest {

    @TempDir
    Path dir;

    @Test
    void store_thenLoad_thenDelete_withPrivateModes() throws Exception {
        SeatTokens tokens = new SeatTokens(dir.resolve(".tlsquiz").resolve("rooms"));

        tokens.store("K7Q-2MF", "abc_DEF-123");
        tokens.store("K7Q-2MF", "replaced");

        assertEquals(Optional.of("replaced"), tokens.load("K7Q-2MF"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.file("K7Q-2MF"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.dir())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.dir().getParent())));
        tokens.delete("K7Q-2MF");
        assertEquals(Optional.empty(), tokens.load("K7Q-2MF"));
        try (var left = Files.list(tokens.dir())) {
            assertEquals(0, left.count(), "no temporary file left behind");
        }
    }

    @Test
    void load_whenTheFileIsNotAToken_thenNone() throws Exception {
        SeatTokens tokens = new SeatTokens(dir);
        Files.writeString(dir.resolve("K7Q-2MF"), "\u001b[2Jtoken");
        Files.writeString(dir.resolve("K7Q-2MG"), "x".repeat(10_000));
        Files.write(dir.resolve("K7Q-2MH"), new byte[] {(byte) 0xff, 'a'});

        assertEquals(Optional.empty(), tokens.load("K7Q-2MF"));
        assertEquals(Optional.empty(), tokens.load("K7Q-2MG"));
        assertEquals(Optional.empty(), tokens.load("K7Q-2MH"));
    }

    @Test
    void file_whenTheCodeIsNotCanonical_thenRefusedSoNothingEscapesTheFolder() {
        SeatTokens tokens = new SeatTokens(dir);

        assertThrows(IllegalArgumentException.class, () -> tokens.file("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> tokens.file("k7q2mf"));
        assertFalse(Files.exists(dir.resolve("..").resolve("etc")));
    }
}
