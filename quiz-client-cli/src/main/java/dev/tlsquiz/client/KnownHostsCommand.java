package dev.tlsquiz.client;

import dev.tlsquiz.text.TerminalText;
import dev.tlsquiz.tls.KnownHosts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code quiz known-hosts}: shows and edits the servers trusted on first use, so that a user whose
 * server got a new key can forget the old one without editing the file by hand. Everything printed
 * from the file passes through {@link TerminalText#sanitize}: other programs may write it.
 */
@Command(name = "known-hosts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List or remove the servers trusted on first use (the known-hosts file).",
        exitCodeListHeading = KnownHostsCommand.EXIT_CODES_HEADING, exitCodeList = {
            KnownHostsCommand.EXIT_OK, KnownHostsCommand.EXIT_FILE, KnownHostsCommand.EXIT_USAGE})
public final class KnownHostsCommand implements Runnable {

    static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    static final String EXIT_OK = "0:done (also when there was nothing to remove)";
    static final String EXIT_FILE = "1:the file could not be read or written";
    static final String EXIT_USAGE = "2:usage error (bad command line)";

    @Spec
    private CommandSpec spec;

    private KnownHostsCommand() {
    }

    /** The command with its subcommands, talking through {@code terminal}. */
    static CommandLine newCommandLine(Terminal terminal) {
        return new CommandLine(new KnownHostsCommand())
                .addSubcommand("list", new ListCommand(terminal))
                .addSubcommand("remove", new RemoveCommand(terminal));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say what to do: list, or remove HOST[:PORT]");
    }

    /** {@code --known-hosts FILE}, shared by the subcommands. */
    static final class FileOption {

        @Option(names = "--known-hosts", paramLabel = "FILE",
                description = "The known-hosts file (default: $HOME/.tlsquiz/known_hosts).")
        private Path file;

        Path path() {
            return file != null ? file : KnownHosts.defaultPath();
        }
    }

    /** {@code quiz known-hosts list}: every line about a server, with its number, and every line that cannot be read. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            exitCodeListHeading = EXIT_CODES_HEADING, exitCodeList = {EXIT_OK, EXIT_FILE, EXIT_USAGE},
            description = "Show the remembered servers and their key pins, with line numbers; lines that cannot"
                    + " be read are shown with what is wrong with them.")
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        private FileOption file;

        private final Terminal terminal;

        ListCommand(Terminal terminal) {
            this.terminal = Objects.requireNonNull(terminal, "terminal");
        }

        @Override
        public Integer call() {
            Path path = file.path();
            PrintStream out = terminal.out();
            if (!Files.exists(path)) {
                out.println(shown(path) + ": no servers remembered yet (the file does not exist)");
                return ExitCodes.OK;
            }
            KnownHosts.Contents contents;
            try {
                contents = KnownHosts.at(path).read();
            } catch (IOException e) {
                return fileFailed("cannot read", path, e);
            }
            if (contents.entries().isEmpty() && contents.malformed().isEmpty()) {
                out.println(shown(path) + ": no servers remembered");
                return ExitCodes.OK;
            }
            out.println(shown(path) + ":");
            List<Row> rows = new ArrayList<>();
            for (KnownHosts.Entry entry : contents.entries()) {
                if (entry.readable()) {
                    rows.add(new Row(entry.line(), TerminalText.sanitize(entry.address().key()) + " " + entry.pin()));
                }
            }
            for (KnownHosts.Malformed problem : contents.problems()) {
                rows.add(new Row(problem.line(), "cannot be read: " + TerminalText.sanitize(problem.problem()) + ": "
                        + TerminalText.sanitize(problem.text())));
            }
            rows.sort(Comparator.comparingInt(Row::line));
            for (Row row : rows) {
                out.println("  line " + row.line() + ": " + row.text());
            }
            if (!contents.problems().isEmpty()) {
                out.println("Correct the lines that cannot be read (HOST:PORT SHA256:<64 hex digits> [# comment]),"
                        + " or remove them: quiz known-hosts remove HOST:PORT removes a server's lines.");
            }
            return ExitCodes.OK;
        }

        /** One line of the listing, already sanitised. */
        private record Row(int line, String text) {
        }

        private Integer fileFailed(String what, Path path, IOException e) {
            return KnownHostsCommand.fileFailed(terminal, what, path, e);
        }
    }

    /** {@code quiz known-hosts remove HOST[:PORT]}: forgets a server, as {@code ssh-keygen -R} does. */
    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            exitCodeListHeading = EXIT_CODES_HEADING, exitCodeList = {EXIT_OK, EXIT_FILE, EXIT_USAGE},
            description = {"Forget a server: every line about HOST on PORT, or on every port when no PORT is"
                    + " given, including lines that cannot be read. Comments and other lines stay.",
                "IPv6 addresses with a port go in brackets: [::1]:26062."})
    static final class RemoveCommand implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private FileOption file;

        @Parameters(paramLabel = "HOST[:PORT]", description = "The server to forget, as the key-changed warning names it.")
        private String server;

        private final Terminal terminal;

        RemoveCommand(Terminal terminal) {
            this.terminal = Objects.requireNonNull(terminal, "terminal");
        }

        @Override
        public Integer call() {
            Target target = Target.parse(server).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "HOST[:PORT]: '" + TerminalText.sanitize(server) + "' is not a host, host:port or [IPv6]:port"
                            + " (the port is a number from 1 to 65535)"));
            Path path = file.path();
            List<KnownHosts.Entry> removed;
            try {
                removed = KnownHosts.at(path).remove(target.host(), target.port());
            } catch (IOException e) {
                return fileFailed(terminal, "cannot update", path, e);
            }
            PrintStream out = terminal.out();
            if (removed.isEmpty()) {
                out.println(shown(path) + ": no entry for " + TerminalText.sanitize(target.shown()) + "; nothing removed");
                return ExitCodes.OK;
            }
            for (KnownHosts.Entry entry : removed) {
                out.println(shown(path) + ": removed line " + entry.line() + ": "
                        + TerminalText.sanitize(entry.address().key())
                        + (entry.readable() ? " " + entry.pin() : " (an entry that could not be read)"));
            }
            return ExitCodes.OK;
        }
    }

    /**
     * What {@code remove} was asked to forget.
     *
     * @param host the host, without brackets
     * @param port the port, or empty for every port
     */
    record Target(String host, OptionalInt port) {

        /** {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6 literal. */
        static Optional<Target> parse(String text) {
            String trimmed = text.strip();
            Optional<KnownHosts.Address> address = KnownHosts.Address.parse(trimmed);
            if (address.isPresent()) {
                return Optional.of(new Target(address.get().host(), OptionalInt.of(address.get().port())));
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]") && trimmed.length() > 2) {
                return Optional.of(new Target(trimmed.substring(1, trimmed.length() - 1), OptionalInt.empty()));
            }
            long colons = trimmed.chars().filter(c -> c == ':').count();
            boolean hostOnly = colons == 0 || colons > 1; // more than one: an IPv6 literal without a port
            if (trimmed.isEmpty() || !hostOnly || trimmed.contains("[") || trimmed.contains("]")) {
                return Optional.empty();
            }
            return Optional.of(new Target(trimmed, OptionalInt.empty()));
        }

        String shown() {
            return port.isPresent() ? KnownHosts.entryKey(host, port.getAsInt()) : host + " (any port)";
        }
    }

    private static String shown(Path path) {
        return TerminalText.sanitize(path.toString());
    }

    private static int fileFailed(Terminal terminal, String what, Path path, IOException e) {
        terminal.err().println("quiz: " + what + " " + shown(path) + ": " + TerminalText.sanitize(String.valueOf(
                e.getMessage())) + " — check the file and its folder's permissions, or pass --known-hosts FILE");
        return ExitCodes.INTERNAL_ERROR;
    }
}
