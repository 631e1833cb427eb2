package dev.tlsquiz.server.cli;

import dev.tlsquiz.server.config.ResultsKeeping;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The results queue, addresses and the instance name: a picocli mixin for {@link ResultsKeeping}. Which
 * store (and where) is the store options' concern ({@code --database}, {@code --data-dir}).
 */
public final class ResultsOptions {

    @Option(names = "--results-queue", defaultValue = "1000", paramLabel = "N",
            description = "Finished games that may wait for the results store; while that many wait, new games"
                    + " are refused with SERVER_BUSY (default: ${DEFAULT-VALUE}).")
    private int queueCapacity;

    @Option(names = "--store-addresses",
            description = "Keep each player's network address with their results (default: addresses are"
                    + " not kept).")
    private boolean storeAddresses;

    @Option(names = "--instance", paramLabel = "NAME",
            description = "Keep this server's games under NAME, to tell servers sharing one database apart"
                    + " (default: this machine's host name and the port).")
    private String instance;

    /**
     * How results are kept.
     *
     * @throws IllegalArgumentException naming the option whose value is not acceptable
     */
    public ResultsKeeping toResultsKeeping() {
        return new ResultsKeeping(queueCapacity, storeAddresses, Optional.ofNullable(instance),
                ResultsKeeping.DEFAULT_SUMMARY_WAIT);
    }
}
