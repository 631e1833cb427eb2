package dev.tlsquiz.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The client's layers depend one way: play uses net and session, net never uses play. */
class NetDependenciesTest {

    private static final Path NET_SOURCES = Path.of("src/main/java/dev/tlsquiz/client/net");

    @Test
    void netSources_whenRead_thenNoneImportsThePlayPackage() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(NET_SOURCES)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty(), "no sources under " + NET_SOURCES.toAbsolutePath());
        List<String> offenders = sources.stream()
                .filter(NetDependenciesTest::usesPlay)
                .map(file -> file.getFileName().toString())
                .toList();
        assertEquals(List.of(), offenders, "net classes that use dev.tlsquiz.client.play");
    }

    private static boolean usesPlay(Path source) {
        try {
            return Files.readString(source).contains("dev.tlsquiz.client.play");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
