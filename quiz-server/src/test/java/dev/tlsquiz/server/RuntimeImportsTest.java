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
 * without them. The game and its questions ({@code game}, {@code quiz}) know no transport: no Netty and
 * no protocol types, so any driver can play them.
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

    private static final Pattern TRANSPORT_IMPORT =
            Pattern.compile("^import (static )?(io\\.netty\\.|dev\\.tlsquiz\\.codec\\.)", Pattern.MULTILINE);

    @Test
    void gameAndQuestions_importNoNettyAndNoProtocol() throws IOException {
        List<Path> offenders = new java.util.ArrayList<>();
        for (String part : List.of("game", "quiz")) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(part))) {
                files.filter(file -> file.toString().endsWith(".java"))
                        .filter(file -> imports(file, TRANSPORT_IMPORT))
                        .forEach(offenders::add);
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean importsTheCommandLine(Path file) {
        return imports(file, CLI_IMPORT);
    }

    private static boolean imports(Path file, Pattern imports) {
        try {
            return imports.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
