package dev.tlsquiz.server.certs;

import dev.tlsquiz.server.cli.ServerVersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code quiz-server certs}: the development PKI from the command line, so nobody needs openssl to
 * try tlsquiz over TLS. Subcommands: {@code init}, {@code server}, {@code client}, {@code show},
 * {@code revoke}; each takes {@code --certs-dir DIR} (default {@code certs}).
 *
 * <p>Exit status: 0 done; 1 failed, with one line on stderr saying what to do (e.g.
 * {@code certs/ca.key exists; use --force to replace the development PKI}); 2 invalid options.
 */
@Command(name = "certs",
        mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        subcommands = {CertsInitCommand.class, CertsServerCommand.class, CertsClientCommand.class,
                CertsShowCommand.class, CertsRevokeCommand.class},
        synopsisSubcommandLabel = "(init | server | client | show | revoke)",
        description = {
                "Create and manage the development PKI: a CA, the server certificate and players' client "
                        + "certificates.",
                "Start with 'quiz-server certs init'; a server started without --cert/--key does that by itself."})
public final class CertsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand: a usage error, one line on stderr, and exit status 2. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say what to do: init, server, client, show or revoke");
    }
}
