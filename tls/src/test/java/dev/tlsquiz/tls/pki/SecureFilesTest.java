package dev.tlsquiz.tls.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureFilesTest {

    @TempDir
    Path tempDir;

    @BeforeEach
    void requirePosix() throws Exception {
        assumeTrue(Files.getFileStore(tempDir).supportsFileAttributeView("posix"),
                "the temp folder has no POSIX permissions; nothing to check");
    }

    @Test
    void writeSecret_thenFileIs0600AndNewFolders0700() throws Exception {
        Path key = tempDir.resolve("certs/clients/alice.key");

        SecureFiles.writeSecret(key, bytes("secret"), WriteMode.CREATE_NEW);

        assertEquals("rw-------", mode(key));
        assertEquals("rwx------", mode(tempDir.resolve("certs/clients")));
        assertEquals("rwx------", mode(tempDir.resolve("certs")));
        assertArrayEquals(bytes("secret"), Files.readAllBytes(key));
        assertNoTempFiles(key.getParent());
    }

    @Test
    void writePublic_thenFileIs0644() throws Exception {
        Path cert = tempDir.resolve("ca.pem");

        SecureFiles.writePublic(cert, bytes("cert"), WriteMode.CREATE_NEW);

        assertEquals("rw-r--r--", mode(cert));
    }

    @Test
    void write_whenFileExistsAndNotForced_thenRefusesNamingTheFlagAndKeepsTheFile() throws Exception {
        Path key = tempDir.resolve("server.key");
        SecureFiles.writeSecret(key, bytes("first"), WriteMode.CREATE_NEW);

        ExistingFileException e = assertThrows(ExistingFileException.class,
                () -> SecureFiles.writeSecret(key, bytes("second"), WriteMode.CREATE_NEW));

        assertEquals(key + " exists", e.getMessage());
        assertEquals(ExistingFileException.What.FILE, e.what());
        assertEquals(key, e.file());
        assertArrayEquals(bytes("first"), Files.readAllBytes(key));
        assertNoTempFiles(tempDir);
    }

    @Test
    void write_whenReplace_thenNewContentAndStill0600() throws Exception {
        Path key = tempDir.resolve("server.key");
        SecureFiles.writeSecret(key, bytes("first"), WriteMode.CREATE_NEW);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        SecureFiles.writeSecret(key, bytes("second"), WriteMode.REPLACE);

        assertArrayEquals(bytes("second"), Files.readAllBytes(key));
        assertEquals("rw-------", mode(key), "a replaced key is a new file with a new mode");
        assertNoTempFiles(tempDir);
    }

    @Test
    void createPrivateDirectories_whenFolderExists_thenLeavesItsMode() throws Exception {
        Path existing = Files.createDirectory(tempDir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));

        SecureFiles.createPrivateDirectories(existing);

        assertEquals("rwxr-x---", mode(existing));
    }

    @Test
    void requireOwnerOnly_when0644_thenMessageSaysChmod600() throws Exception {
        Path key = tempDir.resolve("server.key");
        SecureFiles.writeSecret(key, bytes("k"), WriteMode.CREATE_NEW);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        InsecureKeyFileException e = assertThrows(InsecureKeyFileException.class,
                () -> SecureFiles.requireOwnerOnly(key));

        assertEquals(key + " is readable by group/others (mode 0644)", e.getMessage());
        assertEquals(0644, e.mode());
        assertEquals(0644, e.mode());
    }

    @Test
    void requireOwnerOnly_whenRelativePath_thenMessageUsesItAsGiven() throws Exception {
        Path key = tempDir.resolve("certs/server.key");
        SecureFiles.writeSecret(key, bytes("k"), WriteMode.CREATE_NEW);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw----"));
        Path relative = Path.of("").toAbsolutePath().relativize(key);

        InsecureKeyFileException e = assertThrows(InsecureKeyFileException.class,
                () -> SecureFiles.requireOwnerOnly(relative));

        assertEquals(relative + " is readable by group/others (mode 0660)", e.getMessage());
        assertEquals(relative, e.file());
    }

    @Test
    void requireOwnerOnly_whenOwnerOnly_thenPasses() throws Exception {
        for (String permissions : List.of("rw-------", "r--------")) {
            Path key = tempDir.resolve(permissions.replace('-', '_') + ".key");
            SecureFiles.writeSecret(key, bytes("k"), WriteMode.CREATE_NEW);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(permissions));

            SecureFiles.requireOwnerOnly(key);
        }
    }

    @Test
    void requireOwnerOnly_whenMissing_thenNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> SecureFiles.requireOwnerOnly(tempDir.resolve("none.key")));
    }

    @Test
    void toMode_thenOctalBits() {
        assertEquals(0644, SecureFiles.toMode(PosixFilePermissions.fromString("rw-r--r--")));
        assertEquals(0600, SecureFiles.toMode(PosixFilePermissions.fromString("rw-------")));
        assertEquals(0751, SecureFiles.toMode(PosixFilePermissions.fromString("rwxr-x--x")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void assertNoTempFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
