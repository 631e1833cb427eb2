package dev.tlsquiz.server.cli;

import dev.tlsquiz.server.cli.bank.BankCommand;
import dev.tlsquiz.server.cli.results.ResultsCommand;
import dev.tlsquiz.server.certs.CertsCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code quiz-server}: the root command. Its subcommands are {@code serve} (the default: a
 * command line that does not start with a subcommand runs {@code serve}, see
 * {@link QuizServerMain#withDefaultCommand}), {@code certs}, {@code bank}, {@code results} and
 * {@code help}.
 */
@Command(name = "quiz-server",
        subcommands = {ServeCommand.class, CertsCommand.class, BankCommand.class, ResultsCommand.class,
            HelpCommand.class},
        mixinStandardHelpOptions = true,
        versionProvider = ServerVersionProvider.class,
        description = "The tlsquiz server: an arithmetic quiz over TLS for many players at once.",
        synopsisSubcommandLabel = "[serve | certs | bank | results | help]")
public final class QuizServerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // Reached only when called without the default-command rewrite, e.g. from a test.
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
