package dev.tlsquiz.server.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.pki.InsecureKeyFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host token: made once, owner-only, reused, never in toString, refused when others may read it. */
class HostTokenFileTest {

    @TempDir
    Path certs;

    @Test
    void firstStart_createsAnOwnerOnlyToken_laterStartsReuseIt() throws IOException {
        HostTokenFile.Loaded first = HostTokenFile.loadOrCreate(certs, new SecureRandom());
        assertTrue(first.created());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())));
        // 256 bits in base64url without padding.
        assertEquals(43, first.token().length());
        assertFalse(first.toString().contains(first.token()));

        HostTokenFile.Loaded again = HostTokenFile.loadOrCreate(certs, new SecureRandom());
        assertFalse(again.created());
        assertEquals(first.token(), again.token());
    }

    @Test
    void tokenReadableByOthers_isRefused() throws IOException {
        HostTokenFile.Loaded token = HostTokenFile.loadOrCreate(certs, new SecureRandom());
        Files.setPosixFilePermissions(token.file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(InsecureKeyFileException.class, () -> HostTokenFile.loadOrCreate(certs, new SecureRandom()));
    }

    @Test
    void fileWithoutAToken_isRefusedWithTheFix() throws IOException {
        Path file = certs.resolve(HostTokenFile.FILE_NAME);
        Files.writeString(file, "not a token \u001b[2J\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        IOException refused = assertThrows(IOException.class, () -> HostTokenFile.read(file));
        assertTrue(refused.getMessage().contains("delete it"), refused.getMessage());
    }
}
