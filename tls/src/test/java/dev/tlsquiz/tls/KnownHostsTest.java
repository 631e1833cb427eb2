package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {

    private static final String PIN_A = "SHA256:" + "ab".repeat(32);
    private static final String PIN_B = "SHA256:" + "cd".repeat(32);

    @TempDir
    Path dir;

    @Test
    void pinFor_whenFileMissing_thenEmpty() throws Exception {
        assertEquals(Optional.empty(), KnownHosts.at(dir.resolve("none")).pinFor("localhost", 26062));
    }

    @Test
    void remember_whenNewHost_thenCreatesPrivateFolderAndFileWithOneLine() throws Exception {
        Path file = dir.resolve("sub/.tlsquiz/known_hosts");
        KnownHosts.at(file).remember("Quiz.Example.org", 26062, PIN_A.toUpperCase().replace("SHA256:", "sha256:"));

        assertEquals(List.of("quiz.example.org:26062 " + PIN_A), Files.readAllLines(file));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of(PIN_A), KnownHosts.at(file).pinFor("quiz.example.org", 26062));
        assertEquals(Optional.empty(), KnownHosts.at(file).pinFor("quiz.example.org", 26063));
    }

    @Test
    void remember_whenHostKnown_thenReplacesItsLineAndKeepsCommentsAndOthers() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# my servers\n[::1]:26062 " + PIN_A + "\nother:1 " + PIN_A + "\n",
                StandardCharsets.UTF_8);
        KnownHosts hosts = KnownHosts.at(file);
        assertEquals(Optional.of(PIN_A), hosts.pinFor("::1", 26062));

        hosts.remember("::1", 26062, PIN_B);

        assertEquals(List.of("# my servers", "other:1 " + PIN_A, "[::1]:26062 " + PIN_B), Files.readAllLines(file));
        assertEquals(Optional.of(PIN_B), hosts.pinFor("[::1]", 26062));
    }

    @Test
    void remember_whenPinMalformed_thenRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> KnownHosts.at(dir.resolve("known_hosts")).remember("localhost", 1, "SHA256:1234"));
    }

    @Test
    void defaultPath_isInTheUsersTlsquizFolder() {
        assertEquals(Path.of(System.getProperty("user.home"), ".tlsquiz", "known_hosts"), KnownHosts.defaultPath());
    }
}
