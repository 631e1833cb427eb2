package dev.tlsquiz.server.results.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.results.GameStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasePasswordTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;

    private Path file(String content, String mode) throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static DatabaseLocation.Postgres at(Path file) {
        return (DatabaseLocation.Postgres) DatabaseLocation.postgres(URL, "quiz", file);
    }

    @Test
    void read_whenPrivateFile_thenItsFirstLine() throws Exception {
        Path file = file("s3cret pass\nignored\n", "rw-------");

        assertEquals(Optional.of("s3cret pass"), DatabasePassword.read(at(file), Map.of(DatabasePassword.ENVIRONMENT, "env")));
    }

    @Test
    void read_whenFileReadableByGroupOrOthers_thenRefusedWithTheFixAndNoSecret() throws Exception {
        for (String mode : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-"}) {
            Path file = file("hunter2\n", mode);

            GameStoreException refused = assertThrows(GameStoreException.class,
                    () -> DatabasePassword.read(at(file), Map.of()));

            assertTrue(refused.getMessage().contains("is readable by group/others"), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("make it private with: chmod 600 " + file), refused.getMessage());
            assertFalse(refused.getMessage().contains("hunter2"));
        }
    }

    @Test
    void read_whenFileMissingEmptyOrHuge_thenClearErrors() throws Exception {
        GameStoreException missing = assertThrows(GameStoreException.class,
                () -> DatabasePassword.read(at(dir.resolve("nope")), Map.of()));
        assertTrue(missing.getMessage().contains("does not exist; check --database-password-file"), missing.getMessage());

        Path empty = file("\n", "rw-------");
        GameStoreException blank = assertThrows(GameStoreException.class, () -> DatabasePassword.read(at(empty), Map.of()));
        assertTrue(blank.getMessage().contains("is empty; write the password on its first line"), blank.getMessage());

        Path huge = file("x".repeat(DatabasePassword.MAX_FILE_BYTES + 1), "rw-------");
        GameStoreException big = assertThrows(GameStoreException.class, () -> DatabasePassword.read(at(huge), Map.of()));
        assertTrue(big.getMessage().contains("it should hold only the password"), big.getMessage());
    }

    @Test
    void read_whenNoFile_thenTheEnvironmentOrNone() throws Exception {
        assertEquals(Optional.of("from-env"),
                DatabasePassword.read(at(null), Map.of(DatabasePassword.ENVIRONMENT, "from-env")));
        assertEquals(Optional.empty(), DatabasePassword.read(at(null), Map.of()));
        assertEquals(Optional.empty(), DatabasePassword.read(at(null), Map.of(DatabasePassword.ENVIRONMENT, "")));
    }

    @Test
    void location_whenUrlIsNotPostgresOrCarriesAPassword_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseLocation.postgres("jdbc:sqlite:x.db", null, null));
        assertThrows(IllegalArgumentException.class, () -> DatabaseLocation.postgres("jdbc:postgresql://", null, null));
        IllegalArgumentException secret = assertThrows(IllegalArgumentException.class,
                () -> DatabaseLocation.postgres(URL + "?ssl=true&PASSWORD=x", null, null));
        assertTrue(secret.getMessage().contains(DatabasePassword.ENVIRONMENT), secret.getMessage());
        assertEquals("PostgreSQL " + URL + " as quiz", DatabaseLocation.postgres(URL, "quiz", null).describe());
    }
}
