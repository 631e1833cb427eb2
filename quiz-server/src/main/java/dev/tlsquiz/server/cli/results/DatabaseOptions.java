package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.server.results.store.DatabaseLocation;
import dev.tlsquiz.server.results.store.DatabasePassword;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where results are kept, for {@code serve} and every {@code results} command (a {@code @Mixin}):
 * {@code --data-dir} (SQLite, the default), or {@code --database} with {@code --database-user} and
 * {@code --database-password-file} (PostgreSQL), or {@code --database none}. No option takes the password
 * itself: a command line is visible to every user of the machine.
 */
public final class DatabaseOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Use the SQLite results database in DIR (DIR/results.db), where a server creates DIR"
                    + " with mode 0700 when missing (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--database", paramLabel = "URL",
            description = "Use the PostgreSQL database at jdbc:postgresql://HOST:PORT/DATABASE instead (several"
                    + " servers may share one), or none: keep no results.")
    private String database;

    @Option(names = "--database-user", paramLabel = "NAME",
            description = "Connect to the --database as NAME (without it: the operating system user's name).")
    private String user;

    @Option(names = "--database-password-file", paramLabel = "FILE",
            description = "Read the --database password from the first line of FILE, which must be private"
                    + " (mode 0600); without it, the password comes from " + DatabasePassword.ENVIRONMENT
                    + " if set.")
    private Path passwordFile;

    /**
     * The location the options name.
     *
     * @throws ParameterException for a URL that is no PostgreSQL one or carries a password, for both
     *                            {@code --data-dir} and {@code --database}, and for user or password
     *                            options without a PostgreSQL {@code --database}
     */
    public DatabaseLocation toLocation() {
        if (database == null) {
            requireNoPostgresOptions("without --database");
            return DatabaseLocation.sqlite(dataDir);
        }
        if (mixee.commandLine().getParseResult().hasMatchedOption("--data-dir")) {
            throw usage("--data-dir and --database name two different stores; give one of them");
        }
        if (database.strip().toLowerCase(Locale.ROOT).equals("none")) {
            requireNoPostgresOptions("with --database none");
            return DatabaseLocation.none();
        }
        try {
            return DatabaseLocation.postgres(database.strip(), user, passwordFile);
        } catch (IllegalArgumentException e) {
            throw usage("--database: " + e.getMessage());
        }
    }

    private void requireNoPostgresOptions(String situation) {
        if (user != null || passwordFile != null) {
            throw usage((user != null ? "--database-user" : "--database-password-file") + " is for a PostgreSQL"
                    + " --database; it means nothing " + situation);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
