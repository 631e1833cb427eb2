package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.server.cli.ServerExitCodes;
import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.server.results.store.DatabaseLocation;
import dev.tlsquiz.server.results.store.GameStores;
import dev.tlsquiz.server.results.store.ResultsStore;
import dev.tlsquiz.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every {@code results} subcommand does around its query: open the database named by the
 * {@link DatabaseOptions} (never creating an SQLite one that is not there), run, close, and turn a
 * failure into one line on stderr and an exit status.
 *
 * <p>Exit status: 0 done; 1 a query failed, {@code show} found no such game, or the output could not be
 * written; 2 invalid usage (including
 * {@code --database none}, which keeps nothing to look at); 6 the database cannot be opened (unreachable,
 * a newer schema, a password file others can read).
 */
@Command(exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {StoreCommand.EXIT_OK, StoreCommand.EXIT_FAILED, StoreCommand.EXIT_USAGE, StoreCommand.EXIT_STORE})
abstract class StoreCommand implements Callable<Integer> {

    static final String EXIT_OK = "0:done";
    static final String EXIT_FAILED = "1:a query failed, show found no such game, or the output could not be written";
    static final String EXIT_USAGE = "2:usage error (including --database none, which keeps nothing)";
    static final String EXIT_STORE = "6:the results database cannot be opened: unreachable, its schema newer than this"
            + " version knows, or its password file readable by others";

    /** Times as the tables show them: UTC, to the second. */
    static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    /** The present, for ages such as {@code --since 7d}. */
    Clock clock = Clock.systemUTC();

    @Override
    public final Integer call() {
        validate();
        DatabaseLocation location = database.toLocation();
        if (!location.keepsResults()) {
            err().println("quiz-server results: --database none keeps no results, so there are none to look at;"
                    + " name the database the server keeps them in (--data-dir or --database)");
            return ServerExitCodes.USAGE;
        }
        Optional<ResultsStore> opened;
        try {
            opened = GameStores.openExisting(location);
        } catch (GameStoreException e) {
            err().println("quiz-server results: " + TerminalText.sanitize(e.getMessage()));
            return ServerExitCodes.RESULTS_STORE;
        }
        if (opened.isEmpty()) {
            return noDatabase(location);
        }
        int status;
        try (ResultsStore store = opened.get()) {
            status = run(store);
        } catch (GameStoreException | IOException e) {
            err().println("quiz-server results: " + TerminalText.sanitize(e.getMessage()));
            return ServerExitCodes.FAILED;
        }
        // A PrintWriter keeps quiet about a closed pipe or a full disk (results export | head): say it here,
        // once. Picocli's own writer wraps System.out in a charset encoder, which hides the stream's error
        // from checkError, so System.out is asked too.
        if (out().checkError() || System.out.checkError()) {
            err().println("quiz-server results: could not write all of the output (was standard output closed?)");
            return ServerExitCodes.FAILED;
        }
        return status;
    }

    /** Checks option values that picocli cannot, before anything is opened; throws ParameterException. */
    void validate() {
    }

    /** Refuses a negative {@code --limit}. */
    void requireLimit(int limit) {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit: " + limit + " (expected: 0 or more, 0 for all)");
        }
    }

    /** The command's work on the open store; returns the exit status. */
    abstract int run(ResultsStore store) throws GameStoreException, IOException;

    /**
     * There is no SQLite database at the location yet (no server has kept a game there): say so; by default
     * that is an empty answer, not an error.
     */
    int noDatabase(DatabaseLocation location) {
        err().println("quiz-server results: no results kept yet: " + TerminalText.sanitize(location.describe())
                + " does not exist (a server started with the same --data-dir creates it)");
        return ServerExitCodes.OK;
    }

    Instant now() {
        return clock.instant();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
