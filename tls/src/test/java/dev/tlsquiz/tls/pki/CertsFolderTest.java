package dev.tlsquiz.tls.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development PKI's layout. */
class CertsFolderTest {

    @TempDir
    Path dir;

    @Test
    void paths_thenTheDocumentedLayout() {
        CertsFolder folder = new CertsFolder(dir);
        // The CA certificate first: a refusal to replace a PKI names the file an operator recognises.
        assertEquals(List.of(dir.resolve("ca.pem"), dir.resolve("ca.key"), dir.resolve("server.pem"),
                dir.resolve("server.key")), folder.coreFiles());
        assertEquals(dir.resolve("crl.pem"), folder.crl());
        assertEquals(dir.resolve("clients/alice.pem"), folder.clientCertificate("alice"));
        assertEquals(dir.resolve("clients/alice.key"), folder.clientKey("alice"));
    }

    @Test
    void clientCertificate_whenNameLeavesTheFolder_thenRefused() {
        CertsFolder folder = new CertsFolder(dir);
        for (String name : new String[] {"..", "../ada", "a/b", "", "x".repeat(65)}) {
            assertThrows(IllegalArgumentException.class, () -> folder.clientCertificate(name), name);
        }
    }

    @Test
    void clientCertificateFiles_thenSortedPemFilesOnly() throws Exception {
        CertsFolder folder = new CertsFolder(dir);
        assertEquals(List.of(), folder.clientCertificateFiles());
        assertFalse(folder.anyCoreFileExists());
        Files.createDirectories(folder.clientsDir());
        Files.writeString(folder.clientCertificate("bob"), "");
        Files.writeString(folder.clientKey("bob"), "");
        Files.writeString(folder.clientCertificate("ada"), "");
        Files.writeString(folder.serverCertificate(), "");
        assertEquals(List.of(folder.clientCertificate("ada"), folder.clientCertificate("bob")),
                folder.clientCertificateFiles());
        assertTrue(folder.anyCoreFileExists());
    }
}
