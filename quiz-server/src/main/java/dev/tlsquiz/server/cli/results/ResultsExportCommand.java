package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.server.cli.ServerExitCodes;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.server.results.export.ExportFormat;
import dev.tlsquiz.server.results.export.ExportWriter;
import dev.tlsquiz.server.results.query.GameFilter;
import dev.tlsquiz.server.results.store.ResultsStore;
import dev.tlsquiz.text.TerminalText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quiz-server results export}: one row per player per question, as RFC 4180 CSV (a spreadsheet
 * cell a formula could hide in is neutralised) or JSON, on standard output or into a file created private
 * (0600: it holds names and answers).
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = {"Export the kept games for a gradebook: one row per player per question, oldest game first.",
            "Cells a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) get a"
                + " leading ' (OWASP's advice on CSV injection)."})
final class ResultsExportCommand extends StoreCommand {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", converter = ExportFormatConverter.class,
            completionCandidates = ExportFormatConverter.class,
            description = "Write ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ExportFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write into FILE, created with mode 0600, instead of standard output; an existing FILE"
                    + " is replaced.")
    private Path output;

    @Option(names = "--since", paramLabel = "WHEN", converter = SinceConverter.class,
            description = "Only games that ended since WHEN: " + SinceConverter.FORMS + ".")
    private Since since;

    @Option(names = "--room", paramLabel = "CODE", converter = RoomCodeConverter.class,
            description = "Only the games of the room with this code (any case, with or without the dash).")
    private String room;

    @Option(names = "--player", paramLabel = "NAME", description = "Only this player's rows (the exact name).")
    private String player;

    /** Whether standard output is a terminal, where players' text must not reach raw. */
    boolean outputIsTerminal = System.console() != null;

    @Override
    int run(ResultsStore store) throws GameStoreException, IOException {
        GameFilter filter = new GameFilter(since == null ? null : since.resolve(now()), room, player, 0);
        if (output == null) {
            UnaryOperator<String> shown = outputIsTerminal ? TerminalText::sanitize : UnaryOperator.identity();
            export(store, filter, out(), shown);
            return ServerExitCodes.OK;
        }
        try (Writer file = open(output)) {
            export(store, filter, file, UnaryOperator.identity());
        }
        return ServerExitCodes.OK;
    }

    private void export(ResultsStore store, GameFilter filter, Writer out, UnaryOperator<String> shown)
            throws GameStoreException, IOException {
        try (ExportWriter writer = ExportWriter.of(format, out, shown)) {
            store.export(filter, writer::write);
        }
    }

    private static Writer open(Path file) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (Files.getFileStore(parent).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (FileAlreadyExistsException e) {
            // Replaced below, keeping the mode its owner gave it.
        }
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }
}
