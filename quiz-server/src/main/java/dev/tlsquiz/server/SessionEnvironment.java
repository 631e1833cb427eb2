package dev.tlsquiz.server;

import dev.tlsquiz.server.quiz.ProblemSourceFactory;
import dev.tlsquiz.tls.ClientAuthMode;
import java.util.function.BooleanSupplier;

/**
 * What every session shares with the server: the configuration, whether the TLS handshake asks for
 * client certificates, where questions come from, the name the server gives in WELCOME, and whether a
 * shutdown has begun.
 *
 * @param config       the server's configuration
 * @param clientAuth   what the TLS context in use asks of clients, which decides whether a name is verified
 *                     ({@link PlayerIdentity}); the context's own, since a server may be started with one
 *                     that was not built from {@code config}
 * @param problems     one problem source per session
 * @param serverName   the name and version sent in WELCOME, such as {@code tlsquiz/0.1.0}
 * @param shuttingDown true once the server has stopped accepting new sessions
 */
record SessionEnvironment(ServerConfig config, ClientAuthMode clientAuth, ProblemSourceFactory problems,
                          String serverName, BooleanSupplier shuttingDown) {

    /** An environment whose TLS asks clients for what {@code config} says. */
    SessionEnvironment(ServerConfig config, ProblemSourceFactory problems, String serverName,
                       BooleanSupplier shuttingDown) {
        this(config, config.tls().clientAuth(), problems, serverName, shuttingDown);
    }
}
