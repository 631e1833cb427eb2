package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime does not depend on the command line: only the {@code cli} and {@code certs} packages
 * import picocli or the shared command-line support, so the server can be embedded and configured
 * without them.
 */
class RuntimeImportsTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/tlsquiz/server");
    private static final Pattern CLI_IMPORT =
            Pattern.compile("^import (static )?(picocli\\.|dev\\.tlsquiz\\.cli\\.|dev\\.tlsquiz\\.server\\.cli\\.)",
                    Pattern.MULTILINE);

    @Test
    void runtimeSources_importNothingFromTheCommandLine() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(SOURCES.resolve("cli")))
                    .filter(file -> !file.startsWith(SOURCES.resolve("certs")))
                    .filter(RuntimeImportsTest::importsTheCommandLine)
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean importsTheCommandLine(Path file) {
        try {
            return CLI_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
